import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from './settings-context';

/** Things the core wants the user to know about this start (a corrupt settings file set aside…). */
export function NoticesBanner(): ReactNode {
  const { t } = useTranslation();
  const { info } = useSettings();
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set());
  const notices = (info?.notices ?? []).map((text, i) => ({ text, i })).filter((n) => !dismissed.has(n.i));
  if (notices.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" data-testid="notices">
      {notices.map((n) => (
        <Alert
          key={n.i}
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          withCloseButton
          closeButtonLabel={t('common.dismiss')}
          onClose={() => setDismissed((d) => new Set(d).add(n.i))}
        >
          <span style={{ overflowWrap: 'anywhere' }}>{n.text}</span>
        </Alert>
      ))}
    </Stack>
  );
}
