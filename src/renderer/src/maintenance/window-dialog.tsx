import { Button, Chip, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaintenanceWindow } from '../../../shared/contract/alerting';
import { useDevices } from '../api/api-context';
import { useLocale } from '../i18n/use-label';
import { windowOf, type MaintenanceForm } from './maintenance-form';

/** Weekday names in the locale, Sunday first (the contract's 0 = Sunday), shown Monday first. */
export function weekdayNames(locale: string): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  // 2026-03-01 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(2026, 2, 1 + i, 12)));
}
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

function newId(): string {
  return `mw-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function WindowDialog({
  initial,
  onClose,
  onSave,
}: {
  initial: MaintenanceForm | null;
  onClose: () => void;
  onSave: (w: MaintenanceWindow) => Promise<void>;
}): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const devices = useDevices();
  const [f, setF] = useState<MaintenanceForm | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const days = useMemo(() => weekdayNames(locale), [locale]);
  const groups = useMemo(() => [...new Set(devices.map((d) => d.group))].sort(), [devices]);
  if (!f) return null;
  const set = (patch: Partial<MaintenanceForm>): void => {
    setF({ ...f, ...patch });
    setError(null);
  };
  const save = async (): Promise<void> => {
    const r = windowOf(f, newId);
    if (!r.ok) {
      setError(t(r.error));
      return;
    }
    setBusy(true);
    try {
      await onSave(r.window);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={f.id ? t('maintenance.edit') : t('maintenance.add')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('maintenance.name')} required maxLength={120} value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} data-autofocus />
        <MultiSelect
          label={t('maintenance.devices')}
          data={devices.map((d) => ({ value: d.id, label: d.name }))}
          value={f.deviceIds}
          onChange={(deviceIds) => set({ deviceIds })}
          searchable
          clearable
        />
        <MultiSelect
          label={t('maintenance.groups')}
          data={groups.map((g) => ({ value: g, label: t(`group.${g}`, { defaultValue: g }) }))}
          value={f.groups}
          onChange={(g) => set({ groups: g })}
          clearable
        />
        <SegmentedControl
          value={f.type}
          onChange={(v) => set({ type: v === 'weekly' ? 'weekly' : 'once' })}
          data={[
            { value: 'once', label: t('maintenance.once') },
            { value: 'weekly', label: t('maintenance.weekly') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {f.type === 'once' ? (
          <Group grow>
            <TextInput type="datetime-local" label={t('maintenance.start')} value={f.start} onChange={(e) => set({ start: e.currentTarget.value })} />
            <TextInput type="datetime-local" label={t('maintenance.end')} value={f.end} onChange={(e) => set({ end: e.currentTarget.value })} />
          </Group>
        ) : (
          <>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('maintenance.days')}
              </Text>
              <Chip.Group multiple value={f.days.map(String)} onChange={(v) => set({ days: v.map(Number) })}>
                <Group gap={6}>
                  {MONDAY_FIRST.map((d) => (
                    <Chip key={d} value={String(d)} size="sm">
                      {days[d]}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
            <Group grow>
              <TextInput type="time" label={t('maintenance.startTime')} value={f.startTime} onChange={(e) => set({ startTime: e.currentTarget.value })} />
              <NumberInput
                label={t('maintenance.durationMinutes')}
                min={1}
                max={10_080}
                value={f.durationMinutes}
                onChange={(v) => set({ durationMinutes: Number(v) })}
              />
            </Group>
          </>
        )}
        <Textarea label={t('maintenance.comment')} autosize minRows={2} maxLength={1000} value={f.comment} onChange={(e) => set({ comment: e.currentTarget.value })} />
        {error && (
          <Text c="red" size="sm" data-testid="maintenance-error">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
