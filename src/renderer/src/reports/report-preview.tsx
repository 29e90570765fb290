import { Alert, Button, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFormat } from '../../../shared/contract/report';
import { useApi } from '../api/api-context';
import { downloadBase64 } from '../components/download-file';

const FORMATS = ['html', 'pdf', 'json', 'csv'] as const satisfies readonly ReportFormat[];

/**
 * A kept report as the core rendered it. The HTML is self-contained and carries vCenter strings: it is shown
 * in an iframe with an empty sandbox (no script, an opaque origin), never inserted into the console's DOM.
 */
export function ReportPreview({ id }: { id: string | null }): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const [loaded, setLoaded] = useState<{ id: string; html: string } | { id: string; error: string } | null>(null);
  const [busy, setBusy] = useState<ReportFormat | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    client.call('reports:html', { id }).then(
      ({ html }) => live && setLoaded({ id, html }),
      (e: unknown) => live && setLoaded({ id, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, id]);

  const download = async (format: ReportFormat): Promise<void> => {
    if (id === null) return;
    setBusy(format);
    try {
      const out = await client.call('reports:export', { id, format });
      downloadBase64(out.base64, out.filename, out.mime);
    } catch (e) {
      notifications.show({
        color: 'red',
        title: t('reports.preview.exportFailed'),
        message: e instanceof Error ? e.message : String(e),
      });
    } finally {
      setBusy(null);
    }
  };

  const current = loaded && loaded.id === id ? loaded : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-preview-title">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h5" id="report-preview-title">
          {t('reports.preview.title')}
        </Title>
        <Group gap="xs" role="group" aria-label={t('reports.preview.downloads')}>
          {FORMATS.map((f) => (
            <Button
              key={f}
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} />}
              disabled={id === null}
              loading={busy === f}
              onClick={() => void download(f)}
              aria-label={t('reports.preview.download', { format: f.toUpperCase() })}
            >
              {f.toUpperCase()}
            </Button>
          ))}
        </Group>
      </Group>
      {id === null ? (
        <Text size="sm" c="dimmed" data-testid="preview-empty">
          {t('reports.preview.empty')}
        </Text>
      ) : current === null ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : 'error' in current ? (
        <Alert color="red" title={t('reports.preview.failed')}>
          {current.error}
        </Alert>
      ) : (
        <iframe
          title={t('reports.preview.frame')}
          sandbox=""
          srcDoc={current.html}
          data-testid="report-frame"
          style={{ width: '100%', height: '70vh', minHeight: 420, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', background: '#fff' }}
        />
      )}
    </Paper>
  );
}
