import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRule } from '../../../shared/contract/alerting';
import type { SeriesInfo } from '../../../shared/contract/devices';
import { customRuleId } from './rule-form';

// Listed here rather than read from the zod schema, which would pull zod into the renderer bundle.
const OPS: AlertRule['op'][] = ['>', '>=', '<', '<=', '==', '!='];

function num(v: number | string): number | null {
  return v === '' || !Number.isFinite(Number(v)) ? null : Number(v);
}

/** A rule of the administrator's own, on a metric the device actually measures. */
export function CustomRuleDialog({
  opened,
  family,
  deviceId,
  series,
  taken,
  onClose,
  onSave,
}: {
  opened: boolean;
  family: string;
  /** Set: the rule is for this device only; null: for every device of the family. */
  deviceId: string | null;
  series: SeriesInfo[];
  taken: ReadonlySet<string>;
  onClose: () => void;
  onSave: (rule: AlertRule) => Promise<void>;
}): ReactNode {
  const { t } = useTranslation();
  const metrics = [...new Set(series.map((s) => s.metric))].sort();
  const [label, setLabel] = useState('');
  const [metric, setMetric] = useState<string | null>(null);
  const [instance, setInstance] = useState('*');
  const [op, setOp] = useState<AlertRule['op']>('>');
  const [warning, setWarning] = useState<number | string>('');
  const [critical, setCritical] = useState<number | string>('');
  const [forMinutes, setForMinutes] = useState<number | string>(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = series.find((s) => s.metric === metric)?.unit ?? '';
  const instances = series.filter((s) => s.metric === metric).map((s) => s.instance).filter(Boolean);
  const missing = !label.trim() || !metric || (num(warning) === null && num(critical) === null);

  const save = async (): Promise<void> => {
    if (!metric) return;
    setBusy(true);
    try {
      await onSave({
        id: customRuleId(label, taken),
        family,
        deviceId,
        label: label.trim(),
        labelCode: null,
        metric,
        instance: instance.trim(),
        op,
        warning: num(warning),
        critical: num(critical),
        recovery: null,
        forSeconds: Math.round((num(forMinutes) ?? 0) * 60),
        renotifyMinutes: 0,
        style: 'threshold',
        flagCode: null,
        enabled: true,
        origin: 'custom',
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('rules.addCustom')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('rules.label')} required maxLength={120} value={label} onChange={(e) => setLabel(e.currentTarget.value)} data-autofocus />
        <Select
          label={t('rules.metric')}
          required
          searchable
          data={metrics}
          value={metric}
          onChange={setMetric}
          nothingFoundMessage={t('rules.noMetric')}
          description={unit ? t('rules.unit', { unit }) : undefined}
        />
        <TextInput
          label={t('rules.instance')}
          description={instances.length ? t('rules.instanceHint', { list: instances.slice(0, 6).join(', ') }) : t('rules.instancePattern')}
          maxLength={200}
          value={instance}
          onChange={(e) => setInstance(e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <Select label={t('rules.comparison')} data={OPS} value={op} onChange={(v) => setOp(OPS.find((o) => o === v) ?? '>')} allowDeselect={false} />
          <NumberInput label={t('rules.warning')} value={warning} onChange={setWarning} />
          <NumberInput label={t('rules.critical')} value={critical} onChange={setCritical} />
          <NumberInput label={t('rules.forMinutes')} min={0} max={1440} value={forMinutes} onChange={setForMinutes} />
        </Group>
        {error && (
          <Text c="red" size="sm">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={missing} loading={busy} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
