import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaintenanceWindow } from '../../../shared/contract/alerting';
import { formatDateTime } from '../../../shared/format/format-time';
import { formatDuration } from '../../../shared/format/format-value';
import { useApi, useDevices } from '../api/api-context';
import { useLocale } from '../i18n/use-label';
import { emptyForm, formOf, type MaintenanceForm } from './maintenance-form';
import { WindowDialog, weekdayNames } from './window-dialog';

const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/** Maintenance windows: no notifications for their devices while they last; states still shown and recorded. */
export function MaintenancePage(): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { client } = useApi();
  const devices = useDevices();
  const [windows, setWindows] = useState<MaintenanceWindow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ n: number; form: MaintenanceForm } | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let stale = false;
    client.call('maintenance:list', {}).then(
      (list) => {
        if (!stale) setWindows(list);
      },
      (e: unknown) => {
        if (!stale) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      stale = true;
    };
  }, [client, generation]);

  const days = weekdayNames(locale);
  const describe = (w: MaintenanceWindow): string => {
    const s = w.schedule;
    if (s.type === 'once') return t('maintenance.onceText', { start: formatDateTime(s.start, locale), end: formatDateTime(s.end, locale) });
    return t('maintenance.weeklyText', {
      days: MONDAY_FIRST.filter((d) => s.days.includes(d))
        .map((d) => days[d])
        .join(', '),
      time: s.start,
      duration: formatDuration(s.durationMinutes * 60, locale),
    });
  };
  const name = (id: string): string => devices.find((d) => d.id === id)?.name ?? id;
  const remove = async (w: MaintenanceWindow): Promise<void> => {
    try {
      await client.call('maintenance:remove', { id: w.id });
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    }
    reload();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h3">
          {t('nav.maintenance')}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ n: Date.now(), form: emptyForm(Date.now()) })}>
          {t('maintenance.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('maintenance.intro')}
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {windows === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : windows.length === 0 ? (
        <Text c="dimmed" data-testid="maintenance-none">
          {t('maintenance.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="maintenance-list">
          {windows.map((w) => (
            <Paper key={w.id} withBorder p="sm" radius="md" data-testid="maintenance-window" data-id={w.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {w.name}
                  </Text>
                  <Text size="sm" data-testid="maintenance-schedule">
                    {describe(w)}
                  </Text>
                  <Group gap={4} wrap="wrap" mt={4}>
                    {w.groups.map((g) => (
                      <Badge key={`g-${g}`} variant="light" size="sm">
                        {t(`group.${g}`, { defaultValue: g })}
                      </Badge>
                    ))}
                    {w.deviceIds.map((id) => (
                      <Badge key={`d-${id}`} variant="outline" size="sm" style={{ textTransform: 'none' }}>
                        {name(id)}
                      </Badge>
                    ))}
                  </Group>
                  {w.comment && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {w.comment}
                    </Text>
                  )}
                </div>
                <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
                  <Button size="compact-sm" variant="default" onClick={() => setEditing({ n: Date.now(), form: formOf(w, Date.now()) })}>
                    {t('common.edit')}
                  </Button>
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => void remove(w)}>
                    {t('common.remove')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && (
        <WindowDialog
          key={editing.n}
          initial={editing.form}
          onClose={() => setEditing(null)}
          onSave={async (w) => {
            await client.call('maintenance:save', { window: w });
            setEditing(null);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
