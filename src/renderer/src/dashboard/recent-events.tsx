import { Anchor, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecentEvents } from '../api/api-context';
import { EventLine } from '../events/event-line';
import { href } from '../routing/route';

export function RecentEvents(): ReactNode {
  const { t } = useTranslation();
  const events = useRecentEvents();
  return (
    <Paper withBorder p="sm" radius="md" component="aside" aria-label={t('dashboard.recentEvents')}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('dashboard.recentEvents')}
        </Title>
        <Anchor href={href({ page: 'events', deviceId: null })} size="sm">
          {t('dashboard.allEvents')}
        </Anchor>
      </Group>
      <ScrollArea.Autosize mah={520} type="auto">
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('events.none')}
          </Text>
        ) : (
          <Stack gap={6} data-testid="recent-events">
            {events.slice(0, 40).map((e) => (
              <EventLine key={e.id} event={e} compact />
            ))}
          </Stack>
        )}
      </ScrollArea.Autosize>
    </Paper>
  );
}
