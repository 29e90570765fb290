import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveProblem } from '../../../shared/contract/alerting';
import { useApi, useDevices } from '../api/api-context';
import { StateBadge } from '../components/state-badge';
import { useFormatMessage } from '../i18n/use-message';
import { href } from '../routing/route';
import { AckDialog } from './ack-dialog';
import { groupProblems } from './group-problems';
import { IncidentsPanel } from './incidents-panel';
import { ProblemRow, type ProblemActions } from './problem-row';
import { SilenceDialog } from './silence-dialog';
import { useAlerts } from './use-alerts';

export function AlertsPage(): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const all = useDevices();
  const format = useFormatMessage();
  const { problems, incidents, error, reload } = useAlerts();
  const groups = useMemo(() => groupProblems(problems ?? []), [problems]);
  // Ages ("12 min") move on without a new answer from the core.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const [acking, setAcking] = useState<ActiveProblem | null>(null);
  const [silencing, setSilencing] = useState<ActiveProblem | null>(null);

  const run = useCallback(
    async (action: Promise<unknown>): Promise<void> => {
      try {
        await action;
      } catch (e) {
        notifications.show({ color: 'red', title: t('alerts.actionFailed'), message: e instanceof Error ? e.message : String(e) });
      } finally {
        reload();
      }
    },
    [reload, t],
  );
  const actions = useMemo<ProblemActions>(
    () => ({
      ack: setAcking,
      unack: (p) => void run(client.call('alerts:unack', { deviceId: p.deviceId, checkId: p.checkId })),
      silence: (p, minutes) => void run(client.call('alerts:silence', { deviceId: p.deviceId, checkId: p.checkId, minutes })),
      silenceCustom: setSilencing,
    }),
    [client, run],
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h3">
          {t('nav.alerts')}
        </Title>
        <Group gap="md">
          <Anchor href={href({ page: 'rules', family: null, deviceId: null })}>{t('nav.rules')}</Anchor>
          <Anchor href={href({ page: 'maintenance' })}>{t('nav.maintenance')}</Anchor>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('alerts.introActive')}
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      <IncidentsPanel incidents={incidents} />
      {problems === null ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : groups.length === 0 ? (
        <Alert color="green" data-testid="alerts-none">
          {t('alerts.allOk', { count: all.length })}
        </Alert>
      ) : (
        <Stack gap="sm" data-testid="alerts-list">
          {groups.map((g) => (
            <Paper key={g.state} withBorder p="sm" radius="md" component="section" data-severity-group={g.state} aria-label={t(`state.${g.state}`)}>
              <Group gap="xs" mb={4}>
                <StateBadge state={g.state} size="md" />
                <Text size="sm" c="dimmed">
                  {t('alerts.problems', { count: g.count })}
                </Text>
              </Group>
              {g.devices.map((d) => (
                <div key={d.deviceId} data-testid="problem-device" data-device={d.deviceId}>
                  <Anchor href={href({ page: 'device', id: d.deviceId })} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {d.deviceName}
                  </Anchor>
                  {d.problems.map((p) => (
                    <ProblemRow key={p.checkId} problem={p} now={now} actions={actions} />
                  ))}
                </div>
              ))}
            </Paper>
          ))}
        </Stack>
      )}
      <AckDialog
        key={acking ? `${acking.deviceId}|${acking.checkId}` : 'none'}
        problem={acking}
        title={acking ? `${acking.deviceName} — ${format(acking.label)}` : ''}
        onClose={() => setAcking(null)}
        onSubmit={async (comment, mode) => {
          if (!acking) return;
          await client.call('alerts:ack', { deviceId: acking.deviceId, checkId: acking.checkId, comment, mode });
          setAcking(null);
          reload();
        }}
      />
      <SilenceDialog
        opened={silencing !== null}
        onClose={() => setSilencing(null)}
        onSubmit={(minutes) => {
          const p = silencing;
          setSilencing(null);
          if (p) void run(client.call('alerts:silence', { deviceId: p.deviceId, checkId: p.checkId, minutes }));
        }}
      />
    </Stack>
  );
}
