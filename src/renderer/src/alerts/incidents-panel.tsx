import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract/alerting';
import { formatDateTime } from '../../../shared/format/format-time';
import { StateBadge } from '../components/state-badge';
import { useLocale } from '../i18n/use-label';
import { href } from '../routing/route';

/** Open incidents: a parent down and the children whose failures it explains (notified once). */
export function IncidentsPanel({ incidents }: { incidents: Incident[] }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  if (incidents.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('alerts.incidents')} data-testid="incidents">
      <Title order={2} size="h5" mb="xs">
        {t('alerts.incidents')}
      </Title>
      <Stack gap="xs">
        {incidents.map((i) => (
          <div key={i.id} data-testid="incident">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <StateBadge state={i.state} />
              <div style={{ minWidth: 0 }}>
                <Text size="sm">
                  <Anchor href={href({ page: 'device', id: i.rootDeviceId })} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {i.rootName}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {t('alerts.openedAt', { when: formatDateTime(i.openedAt, locale) })}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  {t('alerts.affects', { count: i.affected.length })}
                </Text>
                <Group gap={6} wrap="wrap">
                  {i.affected.map((a) => (
                    <Group key={a.deviceId} gap={4} wrap="nowrap">
                      <StateBadge state={a.state} size="xs" />
                      <Anchor href={href({ page: 'device', id: a.deviceId })} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {a.name}
                      </Anchor>
                    </Group>
                  ))}
                </Group>
              </div>
            </Group>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
