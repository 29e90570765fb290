import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Pagination,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceConfig, DeviceSummary } from '../../../shared/contract/devices';
import { familyDescriptor } from '../../../shared/families/index';
import { kindDefinition } from '../../../shared/kinds/index';
import { useApi, useDevices } from '../api/api-context';
import { StateBadge } from '../components/state-badge';
import { formatDuration } from '../../../shared/format/format-value';
import { useLabel, useLocale } from '../i18n/use-label';
import { href, navigate } from '../routing/route';
import { ExportMenu } from './export-menu';
import { DeviceFormModal } from './form/device-form';
import { ImportDialog } from './import-dialog';
import { RemoveDialog } from './remove-dialog';

const PAGE = 50;

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; config: DeviceConfig }
  | { kind: 'remove'; device: DeviceSummary }
  | { kind: 'import' }
  | null;

export function DevicesPage({ add, edit }: { add: boolean; edit: string | null }): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const { client } = useApi();
  const all = useDevices();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return all;
    return all.filter((d) => [d.name, d.host, d.family, d.kind].some((s) => s.toLowerCase().includes(q)));
  }, [all, query]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const current = Math.min(page, pages);
  const slice = filtered.slice((current - 1) * PAGE, current * PAGE);

  // Deep links: #/devices?add=1 (command palette) opens the form; ?edit=id (a device page) loads the device.
  const shown: Dialog = dialog ?? (add ? { kind: 'add' } : null);
  useEffect(() => {
    if (!edit) return;
    client.call('devices:get', { id: edit }).then(
      (d) => setDialog({ kind: 'edit', config: d.config }),
      (e: unknown) =>
        notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [edit, client]);

  const close = (): void => {
    setDialog(null);
    if (add || edit) navigate({ page: 'devices', add: false });
  };
  const openEdit = (id: string): void => {
    client.call('devices:get', { id }).then(
      (d) => setDialog({ kind: 'edit', config: d.config }),
      (e: unknown) =>
        notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) }),
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h3">
          {t('nav.devices')}
        </Title>
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>
            {t('devices.add')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} />}
            onClick={() => setDialog({ kind: 'import' })}
          >
            {t('import.button')}
          </Button>
          <ExportMenu />
        </Group>
      </Group>
      <TextInput
        aria-label={t('devices.search')}
        placeholder={t('devices.search')}
        leftSection={<IconSearch size={14} />}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setPage(1);
        }}
        w={320}
      />
      <Table.ScrollContainer minWidth={700}>
        <Table highlightOnHover withTableBorder verticalSpacing={6} aria-label={t('nav.devices')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('device.state')}</Table.Th>
              <Table.Th>{t('form.name')}</Table.Th>
              <Table.Th>{t('form.family')}</Table.Th>
              <Table.Th>{t('form.host')}</Table.Th>
              <Table.Th>{t('form.kind')}</Table.Th>
              <Table.Th>{t('devices.interval')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slice.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" size="sm">
                    {all.length === 0 ? t('devices.none') : t('table.noMatch')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {slice.map((d) => {
              const fam = familyDescriptor(d.family);
              return (
                <Table.Tr key={d.id} data-testid={`device-row-${d.id}`}>
                  <Table.Td>
                    <StateBadge state={d.state} size="xs" />
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={href({ page: 'device', id: d.id })}>{d.name}</Anchor>
                  </Table.Td>
                  <Table.Td>{fam ? pick(fam.name) : d.family}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.host}</Table.Td>
                  <Table.Td>{pick(kindDefinition(d.kind).label)}</Table.Td>
                  <Table.Td>{formatDuration(d.intervalSeconds, locale)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`${t('common.edit')} ${d.name}`}
                          onClick={() => openEdit(d.id)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {d.kind !== 'local' && (
                        <Tooltip label={t('common.remove')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('common.remove')} ${d.name}`}
                            onClick={() => setDialog({ kind: 'remove', device: d })}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} size="sm" />}
      {(shown?.kind === 'add' || shown?.kind === 'edit') && (
        <DeviceFormModal
          existing={shown.kind === 'edit' ? shown.config : null}
          onClose={close}
          onSaved={(name) => {
            notifications.show({
              color: 'green',
              message: t(shown.kind === 'edit' ? 'devices.saved' : 'devices.added', { name }),
            });
            close();
          }}
        />
      )}
      {shown?.kind === 'remove' && <RemoveDialog device={shown.device} onClose={close} />}
      {shown?.kind === 'import' && <ImportDialog onClose={close} />}
    </Stack>
  );
}
