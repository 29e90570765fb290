import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';

/** Saves text as a file: a blob link works alike in the browser and in Electron's download handling. */
function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportMenu(): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const run = async (format: 'csv' | 'json'): Promise<void> => {
    try {
      const { text, filename } = await client.call('devices:export', { format });
      download(text, filename, format === 'csv' ? 'text/csv' : 'application/json');
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
