import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { downloadBlob } from '../components/download-file';

export function ExportMenu(): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const run = async (format: 'csv' | 'json'): Promise<void> => {
    try {
      const { text, filename } = await client.call('devices:export', { format });
      downloadBlob(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }), filename);
    } catch (e) {
      notifications.show({
        color: 'red',
        title: t('export.failed'),
        message: e instanceof Error ? e.message : String(e),
      });
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />}>
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run('csv')}>CSV</Menu.Item>
        <Menu.Item onClick={() => void run('json')}>JSON</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
