import { Badge, Button, Group, MultiSelect, NumberInput, Paper, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectiveRule, RulePreview } from '../../../shared/contract/alerting';
import { isKnownCode } from '../../../shared/messages/format-message';
import { useApi } from '../api/api-context';
import { useFormatMessage } from '../i18n/use-message';
import { PreviewChart } from './preview-chart';
import { applyDraft, draftOf, draftProblem, overrideFor, valueSource, type DraftField, type RuleDraft } from './rule-form';

export interface RuleScope {
  family: string;
  /** The device whose rules are edited; null for the family's. */
  deviceId: string | null;
}

const SOURCE_COLOR = { default: 'gray', family: 'blue', device: 'violet', custom: 'teal' } as const;

function num(v: number | string): number | null {
  return v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
}

/** One rule: its summary, and once opened the form, where each value comes from and the 24 h preview. */
export function RuleEditor({
  effective: e,
  scope,
  previewDeviceId,
  instances,
  onChanged,
}: {
  effective: EffectiveRule;
  scope: RuleScope;
  previewDeviceId: string | null;
  /** The device's instances of the rule's metric (per-instance off), empty in family scope. */
  instances: string[];
  onChanged: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const format = useFormatMessage();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(e.rule));
  // Saved or reset elsewhere: the form follows the rule the core now answers with.
  const ruleKey = JSON.stringify(e.rule);
  const [formFor, setFormFor] = useState(ruleKey);
  if (formFor !== ruleKey) {
    setFormFor(ruleKey);
    setDraft(draftOf(e.rule));
  }
  const [debounced] = useDebouncedValue(draft, 400);
  const [preview, setPreview] = useState<{ key: string; data: RulePreview | null; error: string | null }>({ key: '', data: null, error: null });
  const [busy, setBusy] = useState(false);
  const problem = draftProblem(e.rule, draft);
  const rule = e.rule;
  // A label code from a newer core than this renderer knows: its English label reads better than the code.
  const label = rule.labelCode && isKnownCode(rule.labelCode) ? format({ code: rule.labelCode, params: { instance: rule.instance } }) : rule.label;
  const previewKey = JSON.stringify([previewDeviceId, debounced]);

  useEffect(() => {
    if (!open || !previewDeviceId || draftProblem(rule, debounced) !== null) return;
    let stale = false;
    client.call('alerts:preview', { deviceId: previewDeviceId, rule: applyDraft(rule, debounced), hours: 24 }).then(
      (data) => {
        if (!stale) setPreview({ key: previewKey, data, error: null });
      },
      (err: unknown) => {
        if (!stale) setPreview({ key: previewKey, data: null, error: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      stale = true;
    };
  }, [client, open, previewDeviceId, rule, debounced, previewKey]);

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    try {
      await action();
      notifications.show({ color: 'green', message: t('rules.saved') });
      onChanged();
    } catch (err) {
      notifications.show({ color: 'red', title: t('rules.saveFailed'), message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const saveAt = (deviceId: string | null): Promise<void> =>
    act(() =>
      e.source === 'custom'
        ? client.call('alerts:save-rule', { rule: applyDraft(rule, draft) })
        : client.call('alerts:save-override', { override: overrideFor(e, draft, { family: scope.family, deviceId }) }),
    );
  const reset = (): Promise<void> =>
    act(() =>
      client.call('alerts:remove-override', {
        ruleId: rule.id,
        family: scope.family,
        deviceId: e.source === 'device' ? scope.deviceId : null,
        instance: null,
      }),
    );
  const setInstancesOff = (next: string[]): Promise<void> =>
    act(async () => {
      const deviceId = scope.deviceId;
      if (!deviceId) return;
      for (const i of next.filter((x) => !e.disabledInstances.includes(x)))
        await client.call('alerts:save-override', {
          override: { ruleId: rule.id, family: scope.family, deviceId, instance: i, enabled: false },
        });
      for (const i of e.disabledInstances.filter((x) => !next.includes(x)))
        await client.call('alerts:remove-override', { ruleId: rule.id, family: scope.family, deviceId, instance: i });
    });

  const field = (f: DraftField, node: ReactNode): ReactNode => (
    <Stack gap={2}>
      {node}
      <Text size="xs" c="dimmed" data-testid={`source-${f}`}>
        {t(`rules.source.${valueSource(e, f)}`)}
      </Text>
    </Stack>
  );
  const threshold = (v: number | null): string => (v === null ? '—' : `${rule.op} ${v}`);
  const shown = preview.key === previewKey ? preview : null;

  return (
    <Paper withBorder p="sm" radius="md" data-testid="rule" data-rule={rule.id} data-source={e.source} data-enabled={rule.enabled}>
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} style={{ width: '100%' }}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{label}</Text>
            <Badge size="xs" variant="light" color={SOURCE_COLOR[e.source]}>
              {t(`rules.source.${e.source}`)}
            </Badge>
            {!rule.enabled && (
              <Badge size="xs" variant="outline" color="gray">
                {t('rules.off')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {rule.metric}
            {rule.instance && rule.instance !== '*' ? ` [${rule.instance}]` : ''} · {t('rules.warning')} {threshold(rule.warning)} ·{' '}
            {t('rules.critical')} {threshold(rule.critical)}
            {rule.forSeconds ? ` · ${t('rules.forShort', { minutes: rule.forSeconds / 60 })}` : ''}
          </Text>
        </Group>
      </UnstyledButton>
      {open && (
        <Stack gap="sm" mt="sm">
          <Group gap="md" align="flex-start" wrap="wrap">
            {field('warning', <NumberInput w={130} label={`${t('rules.warning')} (${rule.op})`} value={draft.warning ?? ''} onChange={(v) => setDraft({ ...draft, warning: num(v) })} />)}
            {field('critical', <NumberInput w={130} label={`${t('rules.critical')} (${rule.op})`} value={draft.critical ?? ''} onChange={(v) => setDraft({ ...draft, critical: num(v) })} />)}
            {field('recovery', <NumberInput w={130} label={t('rules.recovery')} value={draft.recovery ?? ''} onChange={(v) => setDraft({ ...draft, recovery: num(v) })} />)}
            {field('forSeconds', <NumberInput w={130} label={t('rules.forMinutes')} min={0} max={1440} value={draft.forMinutes} onChange={(v) => setDraft({ ...draft, forMinutes: num(v) ?? 0 })} />)}
            {field('renotifyMinutes', <NumberInput w={150} label={t('rules.renotifyMinutes')} min={0} max={10_080} value={draft.renotifyMinutes} onChange={(v) => setDraft({ ...draft, renotifyMinutes: num(v) ?? 0 })} />)}
            {field('enabled', <Switch mt={26} label={t('rules.enabled')} checked={draft.enabled} onChange={(ev) => setDraft({ ...draft, enabled: ev.currentTarget.checked })} />)}
          </Group>
          {scope.deviceId && instances.length > 0 && e.source !== 'custom' && (
            <MultiSelect
              label={t('rules.instancesOff')}
              data={instances.map((i) => ({ value: i, label: i || t('rules.noInstance') }))}
              value={e.disabledInstances}
              onChange={(v) => void setInstancesOff(v)}
              clearable
              maw={520}
            />
          )}
          {problem && (
            <Text c="red" size="sm" data-testid="rule-problem">
              {t(problem)}
            </Text>
          )}
          <Group gap="xs">
            {e.source === 'custom' ? (
              <>
                <Button size="sm" disabled={problem !== null} loading={busy} onClick={() => void saveAt(rule.deviceId)}>
                  {t('common.save')}
                </Button>
                <Button size="sm" variant="default" color="red" loading={busy} onClick={() => void act(() => client.call('alerts:remove-rule', { id: rule.id }))}>
                  {t('rules.removeRule')}
                </Button>
              </>
            ) : (
              <>
                <Button size="sm" variant={scope.deviceId ? 'default' : 'filled'} disabled={problem !== null} loading={busy} onClick={() => void saveAt(null)}>
                  {t('rules.saveFamily')}
                </Button>
                {scope.deviceId && (
                  <Button size="sm" disabled={problem !== null} loading={busy} onClick={() => void saveAt(scope.deviceId)}>
                    {t('rules.saveDevice')}
                  </Button>
                )}
                {(e.source === 'device' || e.source === 'family') && (
                  <Button size="sm" variant="subtle" loading={busy} onClick={() => void reset()}>
                    {t(e.source === 'device' ? 'rules.resetDevice' : 'rules.resetFamily')}
                  </Button>
                )}
              </>
            )}
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('rules.preview')}
            </Text>
            {shown?.error && (
              <Text c="red" size="sm">
                {shown.error}
              </Text>
            )}
            {previewDeviceId ? (
              <PreviewChart preview={shown?.data ?? preview.data} busy={shown === null} />
            ) : (
              <Text size="sm" c="dimmed">
                {t('rules.previewNeedsDevice')}
              </Text>
            )}
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
