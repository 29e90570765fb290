import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckState } from '../../../shared/contract/devices';
import { familyDescriptor } from '../../../shared/families/index';
import { stateRank } from '../../../shared/states';
import { useApi, useDevices } from '../api/api-context';
import { StateBadge } from '../components/state-badge';
import { formatDateTime } from '../../../shared/format/format-time';
import { useLabel, useLocale } from '../i18n/use-label';
import { href } from '../routing/route';

/** Checks of the devices not OK are fetched for the first ones only: enough to read, bounded in cost. */
const DETAILED = 50;

export function AlertsPage(): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const { client } = useApi();
  const all = useDevices();
  const failing = useMemo(
    () =>
      all
        .filter((d) => d.state !== 'ok')
        .sort((a, b) => stateRank(b.state) - stateRank(a.state) || a.name.localeCompare(b.name)),
    [all],
  );
  const [checks, setChecks] = useState<ReadonlyMap<string, CheckState[]>>(new Map());
  const key = failing
    .slice(0, DETAILED)
    .map((d) => `${d.id}@${d.lastPollAt ?? 0}`)
    .join(',');

  useEffect(() => {
    if (!key) return;
    let stale = false;
    const ids = key.split(',').map((k) => k.split('@')[0] ?? '');
    void Promise.allSettled(ids.map((id) => client.call('devices:get', { id }))).then((results) => {
      if (stale) return;
      const next = new Map<string, CheckState[]>();
      for (const r of results) {
        if (r.status !== 'fulfilled') continue;
        const bad = r.value.checks
          .filter((c) => c.state !== 'ok')
          .sort((a, b) => stateRank(b.state) - stateRank(a.state));
        next.set(r.value.summary.id, bad);
      }
      setChecks(next);
    });
    return () => {
      stale = true;
    };
  }, [client, key]);

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        {t('nav.alerts')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('alerts.intro')}
      </Text>
      {failing.length === 0 ? (
        <Alert color="green" data-testid="alerts-none">
          {t('alerts.allOk', { count: all.length })}
        </Alert>
      ) : (
        <Stack gap="xs" data-testid="alerts-list">
          {failing.map((d) => {
            const fam = familyDescriptor(d.family);
            return (
              <Paper key={d.id} withBorder p="sm" radius="md" data-state={d.state}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <StateBadge state={d.state} />
                  <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Group gap="xs">
                      <Anchor
                        href={href({ page: 'device', id: d.id })}
                        fw={600}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {d.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {fam ? pick(fam.name) : d.family} · {d.host} · {t('device.lastPoll')}{' '}
                        {formatDateTime(d.lastPollAt, locale)}
                      </Text>
                    </Group>
                    {d.message && (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {d.message}
                      </Text>
                    )}
                    {(checks.get(d.id) ?? []).map((c) => (
                      <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start">
                        <StateBadge state={c.state} size="xs" />
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          <b>{c.label}</b>: {c.message}{' '}
                          <Text span size="xs" c="dimmed">
                            ({t('device.since')} {formatDateTime(c.since, locale)})
                          </Text>
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
