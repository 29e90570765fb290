import { Button, Code, Paper, Stack, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateInfo } from '../../../../shared/contract/devices';
import { formatCell } from '../../device/sections/format-cell';
import { useLocale } from '../../i18n/use-label';
import classes from '../../device/sections/sections.module.css';

interface Props {
  certificate: CertificateInfo;
  /** Trusting a changed certificate replaces a pin: the button says so and is red. */
  replacing: boolean;
  onTrust: () => void;
  busy: boolean;
}

export function CertificateCard({ certificate: c, replacing, onTrust, busy }: Props): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (s: string): string =>
    formatCell(s, { key: 'd', label: { en: '', fr: '' }, format: 'date' }, locale, t);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="certificate">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          <IconCertificate size={16} style={{ verticalAlign: 'text-bottom' }} /> {t('cert.title')}
        </Text>
        <dl className={classes.identity}>
          <dt>{t('cert.subject')}</dt>
          <dd>{c.subject}</dd>
          <dt>{t('cert.issuer')}</dt>
          <dd>{c.issuer}</dd>
          <dt>{t('cert.validFrom')}</dt>
          <dd>{date(c.validFrom)}</dd>
          <dt>{t('cert.validTo')}</dt>
          <dd>{date(c.validTo)}</dd>
          <dt>{t('cert.fingerprint')}</dt>
          <dd>
            <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }} data-testid="cert-fingerprint">
              {c.fingerprint}
            </Code>
          </dd>
        </dl>
        <Text size="xs" c="dimmed">
          {t('cert.compare')}
        </Text>
        <Button
          color={replacing ? 'red' : 'blue'}
          onClick={onTrust}
          loading={busy}
          style={{ alignSelf: 'flex-start' }}
        >
          {replacing ? t('cert.trustNew') : t('cert.trust')}
        </Button>
      </Stack>
    </Paper>
  );
}
