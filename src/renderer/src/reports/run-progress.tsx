import { Badge, Button, Group, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECT_STEPS, stepsOf, type CellState, type RunView } from './progress-state';

const CELL_COLOR: Record<CellState, string> = {
  pending: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
  cancelled: 'gray',
};
const RUN_COLOR = { running: 'blue', done: 'teal', failed: 'red', cancelled: 'gray' } as const;

/** One bar per vCenter and step while a report runs, the rendering as its own row, and Cancel. */
export function RunProgress({
  run,
  vcenterName,
  onCancel,
}: {
  run: RunView;
  vcenterName: (id: string) => string;
  onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const columns = [...COLLECT_STEPS, 'render'] as const;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('reports.progress.title')}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h5">
            {t('reports.progress.runOf', { profile: run.profile })}
          </Title>
          <Badge color={RUN_COLOR[run.state]} data-testid="run-state" data-state={run.state}>
            {t(`reports.progress.state.${run.state}`)}
          </Badge>
        </Group>
        {run.state === 'running' && (
          <Button variant="default" color="red" leftSection={<IconPlayerStop size={16} />} onClick={onCancel}>
            {t('reports.progress.cancel')}
          </Button>
        )}
      </Group>
      {run.message && run.state !== 'done' && (
        <Text size="sm" c={run.state === 'failed' ? 'red' : 'dimmed'} mb="xs">
          {run.message}
        </Text>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table layout="fixed" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('reports.progress.vcenter')}</Table.Th>
              {columns.map((s) => (
                <Table.Th key={s}>{t(`reports.step.${s}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.rows.map((row) => {
              const name = row.vcenter === null ? t('reports.progress.wholeRun') : vcenterName(row.vcenter);
              const own = stepsOf(row);
              return (
                <Table.Tr key={row.vcenter ?? ''}>
                  <Table.Td>
                    <Text size="sm" truncate title={name}>
                      {name}
                    </Text>
                  </Table.Td>
                  {columns.map((s) => {
                    if (!own.includes(s)) return <Table.Td key={s} aria-hidden />;
                    const cell = row.cells[s] ?? { fraction: 0, state: 'pending' as const };
                    return (
                      <Table.Td key={s}>
                        <Progress
                          value={Math.round(cell.fraction * 100)}
                          color={CELL_COLOR[cell.state]}
                          animated={cell.state === 'running'}
                          size="md"
                          aria-label={`${name}: ${t(`reports.step.${s}`)}`}
                          data-state={cell.state}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
