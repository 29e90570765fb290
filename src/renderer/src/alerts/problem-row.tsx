import { Badge, Button, Group, Menu, Text, Tooltip } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveProblem } from '../../../shared/contract/alerting';
import { formatDateTime } from '../../../shared/format/format-time';
import { StateBadge } from '../components/state-badge';
import { useLocale } from '../i18n/use-label';
import { useFormatMessage } from '../i18n/use-message';
import { ageParts } from './group-problems';

/** Silence presets in minutes: an hour, a half-day's shift, a day. */
export const SILENCE_PRESETS = [60, 240, 1440] as const;

export interface ProblemActions {
  ack: (p: ActiveProblem) => void;
  unack: (p: ActiveProblem) => void;
  silence: (p: ActiveProblem, minutes: number) => void;
  silenceCustom: (p: ActiveProblem) => void;
}

export const ProblemRow = memo(function ProblemRow({
  problem: p,
  now,
  actions,
}: {
  problem: ActiveProblem;
  now: number;
  actions: ProblemActions;
}): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatMessage();
  const age = ageParts(p.since, now);
  const label = format(p.label);
  const ack = p.acknowledgement;
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid="problem"
      data-state={p.state}
      data-check={p.checkId}
      data-acknowledged={ack !== null}
      data-silenced={p.silencedUntil !== null}
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <StateBadge state={p.state} size="sm" />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="wrap">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Text>
          {p.flapping && (
            <Badge size="xs" color="grape" variant="light" data-testid="badge-flapping">
              {t('alerts.flapping')}
            </Badge>
          )}
          {p.maintenance !== null && (
            <Tooltip label={p.maintenance}>
              <Badge size="xs" color="cyan" variant="light" data-testid="badge-maintenance">
                {t('alerts.inMaintenance')}
              </Badge>
            </Tooltip>
          )}
          {ack && (
            <Badge size="xs" color="teal" variant="light" data-testid="badge-ack">
              {t('alerts.acknowledged')}
            </Badge>
          )}
          {p.silencedUntil !== null && (
            <Badge size="xs" color="yellow" variant="light" data-testid="badge-silenced">
              {t('alerts.silencedUntil', { when: formatDateTime(p.silencedUntil, locale) })}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {format(p.detail)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('alerts.since', { when: formatDateTime(p.since, locale), age: t(`alerts.age.${age.unit}`, { count: age.value }) })}
        </Text>
        {ack && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="ack-comment">
            {t('alerts.ackBy', {
              by: ack.by,
              when: formatDateTime(ack.at, locale),
              mode: t(ack.mode === 'until-worse' ? 'alerts.untilWorse' : 'alerts.untilRecovery'),
            })}
            {' — '}
            {ack.comment}
          </Text>
        )}
      </div>
      <Group gap={4} wrap="nowrap" style={{ flex: 'none' }}>
        {ack ? (
          <Button size="compact-sm" variant="default" onClick={() => actions.unack(p)}>
            {t('alerts.unacknowledge')}
          </Button>
        ) : (
          <Button size="compact-sm" variant="light" onClick={() => actions.ack(p)}>
            {t('alerts.acknowledge')}
          </Button>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="default">
              {t('alerts.silence')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {SILENCE_PRESETS.map((m) => (
              <Menu.Item key={m} onClick={() => actions.silence(p, m)}>
                {t(`alerts.silenceFor.${m}`)}
              </Menu.Item>
            ))}
            <Menu.Item onClick={() => actions.silenceCustom(p)}>{t('alerts.silenceCustom')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
});
