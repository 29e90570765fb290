import { Alert, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The daily report is a later issue; this page says what it will do rather than pretending. */
export function ReportsPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={760}>
      <Title order={1} size="h3">
        {t('nav.reports')}
      </Title>
      <Alert color="blue" title={t('reports.notYet')}>
        {t('reports.intro')}
      </Alert>
      <Text fw={600}>{t('reports.willTitle')}</Text>
      <List spacing={4}>
        {(['what', 'sections', 'schedule', 'formats', 'mail', 'history', 'cli'] as const).map((k) => (
          <List.Item key={k}>{t(`reports.will.${k}`)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
