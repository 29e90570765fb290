import { Alert, Button, Group, NumberInput, Stack, Switch, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertingSettingsSchema, type AlertingSettings } from '../../../shared/contract/alerting';
import { useApi } from '../api/api-context';

/** One target per line; blank lines ignored. */
export function parseTargets(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * Settings → Alerting: when a check counts as flapping, and the own-network guard (Vigie's gateway and DNS
 * servers, plus the reference targets listed here) consulted before devices are recorded unreachable.
 */
export function AlertingSettingsSection(): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const [form, setForm] = useState<AlertingSettings | null>(null);
  const [targets, setTargets] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.call('alerts:settings', {}).then(
      (s) => {
        setForm(s);
        setTargets(s.referenceTargets.join('\n'));
      },
      (e: unknown) => setError((e as Error).message),
    );
  }, [client]);

  if (!form) return error ? <Alert color="red">{error}</Alert> : <Text c="dimmed">…</Text>;

  const save = async (): Promise<void> => {
    const parsed = AlertingSettingsSchema.safeParse({ ...form, referenceTargets: parseTargets(targets) });
    if (!parsed.success) {
      const targetsWrong = parsed.error.issues.some((i) => i.path[0] === 'referenceTargets');
      setError(targetsWrong ? t('alertingSettings.targetsInvalid') : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await client.call('alerts:save-settings', parsed.data);
      setForm(saved);
      setTargets(saved.referenceTargets.join('\n'));
      notifications.show({ color: 'green', message: t('alertingSettings.saved') });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="alerting-settings">
      <Group grow align="flex-start">
        <NumberInput
          label={t('alertingSettings.flapWindow')}
          min={5}
          max={1440}
          value={form.flapping.windowMinutes}
          onChange={(v) => setForm({ ...form, flapping: { ...form.flapping, windowMinutes: Number(v) || 5 } })}
        />
        <NumberInput
          label={t('alertingSettings.flapChanges')}
          min={3}
          max={100}
          value={form.flapping.maxChanges}
          onChange={(v) => setForm({ ...form, flapping: { ...form.flapping, maxChanges: Number(v) || 3 } })}
        />
      </Group>
      <Switch
        label={t('alertingSettings.guard')}
        description={t('alertingSettings.guardHint')}
        checked={form.guardEnabled}
        onChange={(e) => setForm({ ...form, guardEnabled: e.currentTarget.checked })}
      />
      <Textarea
        label={t('alertingSettings.targets')}
        description={t('alertingSettings.targetsHint')}
        autosize
        minRows={2}
        value={targets}
        onChange={(e) => setTargets(e.currentTarget.value)}
        disabled={!form.guardEnabled}
      />
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button onClick={() => void save()} loading={busy}>
          {t('alertingSettings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
