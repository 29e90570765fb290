import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary } from '../../../shared/contract/devices';
import { useApi } from '../api/api-context';

export function RemoveDialog({ device, onClose }: { device: DeviceSummary; onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { client, devices } = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await client.call('devices:remove', { id: device.id });
      devices.remove(device.id);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('devices.removeTitle')}>
      <Stack>
        <Text style={{ overflowWrap: 'anywhere' }}>{t('devices.removeConfirm', { name: device.name })}</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void remove()}>
            {t('common.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
