import { ActionIcon, Button, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportProfile } from '../../../shared/contract/report';

/** The profiles, each with Run now, Edit and Remove; the selected one filters nothing, it only highlights. */
export function ProfilesTable({
  profiles,
  running,
  vcenterName,
  onRun,
  onEdit,
  onRemove,
}: {
  profiles: readonly ReportProfile[];
  /** Profiles with a run going on (Run now is disabled for them). */
  running: ReadonlySet<string>;
  vcenterName: (id: string) => string;
  onRun: (p: ReportProfile) => void;
  onEdit: (p: ReportProfile) => void;
  onRemove: (p: ReportProfile) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-profiles-title">
      <Title order={2} size="h5" mb="sm" id="report-profiles-title">
        {t('reports.profiles.title')}
      </Title>
      {profiles.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="profiles-empty">
          {t('reports.profiles.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="report-profiles-title" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.profiles.name')}</Table.Th>
                <Table.Th>{t('reports.profiles.vcenters')}</Table.Th>
                <Table.Th>{t('reports.profiles.language')}</Table.Th>
                <Table.Th ta="right">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profiles.map((p) => (
                <Table.Tr key={p.name} data-testid={`profile-${p.name}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {p.vcenters.map(vcenterName).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.language === 'fr' ? 'Français' : 'English'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        leftSection={<IconPlayerPlay size={14} />}
                        onClick={() => onRun(p)}
                        disabled={running.has(p.name)}
                        aria-label={t('reports.profiles.runNamed', { name: p.name })}
                      >
                        {t('reports.profiles.run')}
                      </Button>
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="subtle" onClick={() => onEdit(p)} aria-label={t('reports.profiles.editNamed', { name: p.name })}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.remove')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => onRemove(p)}
                          aria-label={t('reports.profiles.removeNamed', { name: p.name })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
