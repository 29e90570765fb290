import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/contract/devices';
import { useApi } from '../api/api-context';
import { guessImportFormat } from './import-format';

export function ImportDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { client, devices } = useApi();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [result, setResult] = useState<{ report: ImportResult; dryRun: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadFile = async (file: File | null): Promise<void> => {
    if (!file) return;
    const content = await file.text();
    setText(content);
    setFormat(guessImportFormat(content, file.name));
    setResult(null);
  };

  const run = async (dryRun: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const report = await client.call('devices:import', { format, text, dryRun });
      setResult({ report, dryRun });
      if (!dryRun && report.added > 0) devices.replaceAll(await client.call('devices:list', {}));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('import.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('import.help')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('import.file')}
            placeholder={t('import.chooseFile')}
            accept=".csv,.json,text/csv,application/json"
            leftSection={<IconUpload size={14} />}
            onChange={(f) => void loadFile(f)}
            style={{ flex: 1 }}
            clearable
          />
          <SegmentedControl
            value={format}
            onChange={(f) => setFormat(f === 'json' ? 'json' : 'csv')}
            data={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
            aria-label={t('import.format')}
          />
        </Group>
        <Textarea
          label={t('import.paste')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFormat(guessImportFormat(e.currentTarget.value));
            setResult(null);
          }}
          autosize
          minRows={6}
          maxRows={14}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        />
        {error && <Alert color="red">{error}</Alert>}
        {result && (
          <Stack gap="xs" data-testid="import-report">
            <Alert color={result.report.rejected.length ? 'orange' : 'green'}>
              {result.dryRun
                ? t('import.checked', { ok: result.report.added, rejected: result.report.rejected.length })
                : t('import.done', { added: result.report.added, rejected: result.report.rejected.length })}
            </Alert>
            {result.report.rejected.length > 0 && (
              <Table.ScrollContainer minWidth={500} mah={260}>
                <Table fz="sm" withTableBorder aria-label={t('import.rejected')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('import.line')}</Table.Th>
                      <Table.Th>{t('form.name')}</Table.Th>
                      <Table.Th>{t('import.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.report.rejected.map((r, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.name}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {result.report.missingCredential.length > 0 && (
              <Alert color="orange" title={t('import.missingCredential')} data-testid="import-missing-credential">
                {result.report.missingCredential.map((r) => (
                  <div key={r.line} style={{ overflowWrap: 'anywhere' }}>
                    {t('import.line')} {r.line}, {r.name}: {r.reason}
                  </div>
                ))}
              </Alert>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button variant="light" disabled={!text.trim()} loading={busy} onClick={() => void run(true)}>
            {t('import.check')}
          </Button>
          <Button disabled={!text.trim()} loading={busy} onClick={() => void run(false)}>
            {t('import.import')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
