import { Alert, Button, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportProfile } from '../../../shared/contract/report';
import { useApi, useDevices } from '../api/api-context';
import { HistoryList } from './history-list';
import { ProfileEditor } from './profile-editor';
import { ProfilesTable } from './profiles-table';
import { newProfile } from './profile-values';
import type { RunView } from './progress-state';
import { ReportPreview } from './report-preview';
import { RunProgress } from './run-progress';
import { useReports } from './use-reports';

type Dialog = { kind: 'edit'; profile: ReportProfile; previousName: string | null } | { kind: 'remove'; profile: ReportProfile } | null;

/** The daily vCenter report: profiles, Run now with progress and Cancel, the history and the preview. */
export function ReportsPage(): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const devices = useDevices();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [watched, setWatched] = useState<string | null>(null);

  const onRunEnded = useCallback((run: RunView, history: readonly { id: string; profile: string }[]) => {
    // The newest report of the profile that just finished is the one to look at.
    if (run.state === 'done') {
      const newest = history.find((h) => h.profile === run.profile);
      if (newest) setSelected(newest.id);
    }
  }, []);
  const data = useReports(onRunEnded);

  const names = useMemo(() => new Map(devices.map((d) => [d.id, d.name])), [devices]);
  const vcenterName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const running = useMemo(
    () => new Set(Object.values(data.runs).filter((r) => r.state === 'running').map((r) => r.profile)),
    [data.runs],
  );
  const watchedRun = watched ? data.runs[watched] : undefined;
  const newestHistory = data.history?.[0]?.id ?? null;
  const shown = selected ?? newestHistory;

  const fail = (title: string) => (e: unknown) =>
    notifications.show({ color: 'red', title, message: e instanceof Error ? e.message : String(e) });

  const run = (p: ReportProfile): void => {
    client.call('reports:start', { profile: p.name }).then(({ runId }) => setWatched(runId), fail(t('reports.runFailed')));
  };
  const cancel = (): void => {
    if (watched) client.call('reports:cancel', { runId: watched }).catch(fail(t('reports.cancelFailed')));
  };
  const remove = (p: ReportProfile): void => {
    client
      .call('reports:remove-profile', { name: p.name })
      .then(() => data.reload(), fail(t('reports.removeFailed')))
      .finally(() => setDialog(null));
  };
  const vsphere = devices.filter((d) => d.kind === 'vsphere').map((d) => d.id);

  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h3">
          {t('nav.reports')}
        </Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setDialog({ kind: 'edit', profile: newProfile(vsphere.slice(0, 1)), previousName: null })}
          disabled={data.checks === null}
        >
          {t('reports.profiles.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" maw={820}>
        {t('reports.intro')}
      </Text>
      {data.error !== null && (
        <Alert color="red" title={t('reports.loadFailed')}>
          {data.error}
        </Alert>
      )}
      {data.profiles === null ? (
        data.error === null && <Text size="sm">{t('common.loading')}</Text>
      ) : (
        <ProfilesTable
          profiles={data.profiles}
          running={running}
          vcenterName={vcenterName}
          onRun={run}
          onEdit={(p) => setDialog({ kind: 'edit', profile: p, previousName: p.name })}
          onRemove={(p) => setDialog({ kind: 'remove', profile: p })}
        />
      )}
      {watchedRun && <RunProgress run={watchedRun} vcenterName={vcenterName} onCancel={cancel} />}
      <Grid gap="md" align="stretch">
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <HistoryList entries={data.history} selected={shown} onOpen={setSelected} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 9 }}>
          <ReportPreview id={shown} />
        </Grid.Col>
      </Grid>
      {dialog?.kind === 'edit' && data.checks && (
        <ProfileEditor
          initial={dialog.profile}
          previousName={dialog.previousName}
          checks={data.checks}
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            notifications.show({ color: 'green', message: t('reports.saved', { name: p.name }) });
            void data.reload();
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <Modal opened onClose={() => setDialog(null)} title={t('reports.remove.title')}>
          <Stack>
            <Text size="sm">{t('reports.remove.confirm', { name: dialog.profile.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => remove(dialog.profile)}>
                {t('common.remove')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
