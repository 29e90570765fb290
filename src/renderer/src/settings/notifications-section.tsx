import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelConfigSchema, type ChannelConfig } from '../../../shared/contract/alerting';
import { FAMILY_GROUPS } from '../../../shared/families/descriptor';
import { useApi } from '../api/api-context';
import { browserPermission, requestBrowserPermission, type BrowserPermission } from '../app/browser-notification';

const SEVERITIES = ['critical', 'warning', 'unknown', 'ok'] as const;

/** A channel being edited: mail recipients are typed as one line, split when saved. */
interface Draft {
  key: number;
  config: ChannelConfig;
  toText: string;
}

let nextKey = 1;
const toDraft = (config: ChannelConfig): Draft => ({ key: nextKey++, config, toText: config.type === 'mail' ? config.to.join(', ') : '' });

function fromDraft(d: Draft): unknown {
  return d.config.type === 'mail' ? { ...d.config, to: d.toText.split(/[,;\s]+/).filter(Boolean) } : d.config;
}

function newChannel(type: 'mail' | 'webhook', taken: readonly Draft[]): ChannelConfig {
  let n = 1;
  while (taken.some((d) => d.config.id === `${type}-${n}`)) n++;
  const base = { id: `${type}-${n}`, enabled: true, severities: [...SEVERITIES], groups: [] };
  return type === 'mail'
    ? { ...base, type, to: [], groupSeconds: 120, language: 'en' }
    : { ...base, type, url: '', language: 'en' };
}

/**
 * Settings → Notifications: where alerts go (mail, webhook, this browser or the desktop), each channel with
 * its severities and device groups, a Test per saved channel, and the browser's permission asked for only
 * when the user presses the button.
 */
export function NotificationsSection(): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Record<string, { ok: boolean; message: string }>>({});
  const [permission, setPermission] = useState<BrowserPermission>(browserPermission());

  useEffect(() => {
    client.call('notifications:channels', {}).then(
      (list) => setDrafts(list.map(toDraft)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [client]);

  const edit = useCallback((key: number, change: (d: Draft) => Draft) => {
    setDrafts((list) => list?.map((d) => (d.key === key ? change(d) : d)) ?? null);
    setDirty(true);
  }, []);
  const setConfig = (key: number, patch: Partial<ChannelConfig>): void =>
    edit(key, (d) => ({ ...d, config: { ...d.config, ...patch } as ChannelConfig }));

  const save = async (): Promise<void> => {
    if (!drafts) return;
    const parsed = drafts.map((d) => ChannelConfigSchema.safeParse(fromDraft(d)));
    const bad = parsed.findIndex((p) => !p.success);
    if (bad >= 0) {
      const issue = parsed[bad]?.error?.issues[0];
      setError(t('notifyChannels.invalid', { id: drafts[bad]?.config.id ?? '', field: issue?.path.join('.') ?? '', message: issue?.message ?? '' }));
      return;
    }
    setBusy(true);
    try {
      const saved = await client.call('notifications:save', { channels: parsed.flatMap((p) => (p.success ? [p.data] : [])) });
      setDrafts(saved.map(toDraft));
      setDirty(false);
      setError(null);
      notifications.show({ color: 'green', message: t('notifyChannels.saved') });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const test = async (id: string): Promise<void> => {
    try {
      const result = await client.call('notifications:test', { channelId: id });
      setResults((r) => ({ ...r, [id]: result }));
    } catch (e) {
      setResults((r) => ({ ...r, [id]: { ok: false, message: e instanceof Error ? e.message : String(e) } }));
    }
  };

  if (!drafts) return <Text size="sm" c="dimmed">{error ?? t('common.loading')}</Text>;

  return (
    <Stack gap="sm">
      <Text size="sm">{t('notifyChannels.help')}</Text>
      <Group gap="xs" data-testid="browser-permission">
        <Text size="sm">{t('notifyChannels.browserPermission')}</Text>
        <Badge color={permission === 'granted' ? 'green' : permission === 'denied' ? 'red' : 'gray'}>{t(`notifyChannels.permission.${permission}`)}</Badge>
        {permission === 'default' && (
          <Button size="xs" variant="light" onClick={() => void requestBrowserPermission().then(setPermission)}>
            {t('notifyChannels.allowBrowser')}
          </Button>
        )}
      </Group>
      {drafts.map((d) => {
        const c = d.config;
        const label = t(`notifyChannels.type.${c.type}`);
        const result = results[c.id];
        return (
          <Paper key={d.key} withBorder p="sm" radius="md" data-testid={`channel-${c.id}`} aria-label={`${label} ${c.id}`} component="fieldset">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-end">
                <Group gap="xs" align="flex-end">
                  <Badge variant="light">{label}</Badge>
                  <TextInput
                    label={t('notifyChannels.name')}
                    value={c.id}
                    onChange={(e) => setConfig(d.key, { id: e.currentTarget.value })}
                    w={180}
                    size="xs"
                  />
                  <Switch label={t('notifyChannels.enabled')} checked={c.enabled} onChange={(e) => setConfig(d.key, { enabled: e.currentTarget.checked })} />
                </Group>
                <Group gap="xs">
                  <Button size="xs" variant="default" disabled={dirty} onClick={() => void test(c.id)} title={dirty ? t('notifyChannels.saveFirst') : undefined}>
                    {t('notifyChannels.test')}
                  </Button>
                  {(c.type === 'mail' || c.type === 'webhook') && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        setDrafts((list) => list?.filter((x) => x.key !== d.key) ?? null);
                        setDirty(true);
                      }}
                    >
                      {t('common.remove')}
                    </Button>
                  )}
                </Group>
              </Group>
              {c.type === 'mail' && (
                <Group gap="sm" align="flex-start" wrap="wrap">
                  <TextInput
                    label={t('notifyChannels.to')}
                    description={t('notifyChannels.toHelp')}
                    value={d.toText}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      edit(d.key, (x) => ({ ...x, toText: value }));
                    }}
                    w={340}
                  />
                  <NumberInput
                    label={t('notifyChannels.groupSeconds')}
                    description={t('notifyChannels.groupSecondsHelp')}
                    value={c.groupSeconds}
                    min={0}
                    max={3600}
                    onChange={(v) => setConfig(d.key, { groupSeconds: typeof v === 'number' ? v : 0 })}
                    w={220}
                  />
                </Group>
              )}
              {c.type === 'webhook' && (
                <TextInput
                  label={t('notifyChannels.url')}
                  description={t('notifyChannels.urlHelp')}
                  value={c.url}
                  onChange={(e) => setConfig(d.key, { url: e.currentTarget.value })}
                  placeholder="https://hooks.slack.com/services/…"
                />
              )}
              {(c.type === 'mail' || c.type === 'webhook') && (
                <div>
                  <Text size="sm" fw={500} mb={4} id={`lang-${d.key}`}>
                    {t('notifyChannels.language')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby={`lang-${d.key}`}
                    size="xs"
                    value={c.language}
                    onChange={(v) => setConfig(d.key, { language: v === 'fr' ? 'fr' : 'en' })}
                    data={[
                      { value: 'en', label: 'English' },
                      { value: 'fr', label: 'Français' },
                    ]}
                  />
                </div>
              )}
              <Group gap="sm" align="flex-start" wrap="wrap">
                <MultiSelect
                  label={t('notifyChannels.severities')}
                  data={SEVERITIES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
                  value={c.severities}
                  onChange={(v) => setConfig(d.key, { severities: SEVERITIES.filter((s) => v.includes(s)) })}
                  w={340}
                />
                <MultiSelect
                  label={t('notifyChannels.groups')}
                  placeholder={c.groups.length ? undefined : t('notifyChannels.allGroups')}
                  data={FAMILY_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
                  value={c.groups}
                  onChange={(v) => setConfig(d.key, { groups: v })}
                  clearable
                  w={340}
                />
              </Group>
              {result && (
                <Alert color={result.ok ? 'green' : 'red'} data-testid={`channel-test-${c.id}`} p="xs">
                  {result.message}
                </Alert>
              )}
            </Stack>
          </Paper>
        );
      })}
      {error && (
        <Alert color="red" data-testid="channels-error">
          {error}
        </Alert>
      )}
      <Group gap="xs">
        <Button variant="default" onClick={() => (setDrafts((list) => [...(list ?? []), toDraft(newChannel('mail', list ?? []))]), setDirty(true))}>
          {t('notifyChannels.addMail')}
        </Button>
        <Button variant="default" onClick={() => (setDrafts((list) => [...(list ?? []), toDraft(newChannel('webhook', list ?? []))]), setDirty(true))}>
          {t('notifyChannels.addWebhook')}
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={!dirty && !busy}>
          {t('notifyChannels.save')}
        </Button>
      </Group>
    </Stack>
  );
}
