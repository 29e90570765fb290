import { Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/format/format-value';
import { useLocale } from '../i18n/use-label';

export function ConsoleUptime({ startedAt }: { startedAt: number }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  return (
    <Text size="sm" c="dimmed" data-testid="console-uptime" visibleFrom="md">
      {t('header.uptime')} {formatDuration((now - startedAt) / 1000, locale)}
    </Text>
  );
}
