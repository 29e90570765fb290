import { Button, Collapse, Group, List, Paper, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckState, DeviceDetail } from '../../../shared/contract/devices';
import { stateRank } from '../../../shared/states';
import { StateBadge } from '../components/state-badge';
import { formatDateTime } from '../../../shared/format/format-time';
import { useLocale } from '../i18n/use-label';
import { useMessageOr } from '../i18n/use-message';

export function ProblemsAndChecks({ detail }: { detail: DeviceDetail }): ReactNode {
  const { t } = useTranslation();
  const says = useMessageOr();
  const problems = detail.snapshot?.problems ?? [];
  const [showPassing, setShowPassing] = useState(false);
  const checks = [...detail.checks].sort(
    (a, b) => stateRank(b.state) - stateRank(a.state) || a.label.localeCompare(b.label),
  );
  if (problems.length === 0 && checks.length === 0) return null;
  // A filer has dozens of checks: the failing ones are the news, the passing ones stay one click away.
  const failing = checks.filter((c) => c.state !== 'ok');
  const passing = checks.filter((c) => c.state === 'ok');
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('device.problemsAndChecks')}>
      <Title order={2} size="h5" mb="xs">
        {t('device.problemsAndChecks')}
      </Title>
      {problems.length > 0 && (
        <List spacing={4} mb={checks.length ? 'sm' : 0} data-testid="problems">
          {problems.map((p, i) => (
            <List.Item key={i} icon={<StateBadge state={p.severity} size="xs" />}>
              <span style={{ overflowWrap: 'anywhere' }}>{says(p.text, p.message)}</span>
            </List.Item>
          ))}
        </List>
      )}
      {failing.length > 0 && <ChecksTable checks={failing} label={t('device.checks')} />}
      {passing.length > 0 && (
        <>
          <Group gap="xs" mt={failing.length ? 'xs' : 0}>
            <Text size="sm" c="dimmed">
              {t('device.passing', { count: passing.length })}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setShowPassing((v) => !v)}
              aria-expanded={showPassing}
            >
              {showPassing ? t('device.hidePassing') : t('device.showPassing')}
            </Button>
          </Group>
          <Collapse expanded={showPassing}>
            {showPassing && <ChecksTable checks={passing} label={t('device.passingChecks')} />}
          </Collapse>
        </>
      )}
    </Paper>
  );
}

function ChecksTable({ checks, label }: { checks: CheckState[]; label: string }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useMessageOr();
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table fz="sm" verticalSpacing={4} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('device.check')}</Table.Th>
            <Table.Th>{t('device.state')}</Table.Th>
            <Table.Th>{t('device.message')}</Table.Th>
            <Table.Th>{t('device.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((c) => (
            <Table.Tr key={c.id} data-state={c.state}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{text(c.labelText, c.label)}</Table.Td>
              <Table.Td>
                <StateBadge state={c.state} size="xs" />
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{text(c.text, c.message)}</Table.Td>
              <Table.Td>
                <Text size="xs">{formatDateTime(c.since, locale)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
