import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STATES } from '../../../shared/states';
import { STATE_COLOR } from '../components/state-colors';
import { WeatherGlyph } from '../components/weather-icon';

export function Legend(): ReactNode {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-label={t('legend.title')}
      data-testid="legend"
    >
      <Title order={2} size="h5" mb="xs">
        {t('legend.title')}
      </Title>
      <Stack gap={4}>
        {STATES.map((s) => (
          <Group key={s} gap={8} wrap="nowrap" align="flex-start">
            <span
              aria-hidden
              style={{
                flex: 'none',
                marginTop: 4,
                width: 12,
                height: 12,
                borderRadius: 3,
                background: `var(--mantine-color-${STATE_COLOR[s]}-6)`,
              }}
            />
            <Text size="xs">
              <b>{t(`state.${s}`)}</b> — {t(`legend.${s}`)}
            </Text>
          </Group>
        ))}
        {(['sun', 'clouds', 'storm'] as const).map((w) => (
          <Group key={w} gap={8} wrap="nowrap" align="flex-start">
            <span style={{ flex: 'none' }}>
              <WeatherGlyph kind={w} size={16} />
            </span>
            <Text size="xs">
              <b>{t(`weather.${w}`)}</b> — {t(`legend.weather.${w}`)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
