import { Button, Group, Modal, NumberInput, Select, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Mirrors the contract's bound on a silence (7 days). */
const MAX_MINUTES = 10_080;

export function SilenceDialog({
  opened,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  onClose: () => void;
  onSubmit: (minutes: number) => void;
}): ReactNode {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | string>(2);
  const [unit, setUnit] = useState<'minutes' | 'hours' | 'days'>('hours');
  const factor = unit === 'days' ? 1440 : unit === 'hours' ? 60 : 1;
  const minutes = Math.round(Number(amount) * factor);
  const valid = Number.isFinite(minutes) && minutes >= 1 && minutes <= MAX_MINUTES;
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.silenceCustom')}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NumberInput
            label={t('alerts.duration')}
            min={1}
            value={amount}
            onChange={setAmount}
            error={valid ? null : t('alerts.silenceBounds')}
          />
          <Select
            label={t('alerts.unit')}
            data={(['minutes', 'hours', 'days'] as const).map((u) => ({ value: u, label: t(`alerts.units.${u}`) }))}
            value={unit}
            onChange={(v) => setUnit(v === 'minutes' || v === 'days' ? v : 'hours')}
            allowDeselect={false}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!valid} onClick={() => onSubmit(minutes)}>
            {t('alerts.silence')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
