import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestResult } from '../../../../shared/contract/devices';
import { familyDescriptor } from '../../../../shared/families/index';
import { formatValue } from '../../../../shared/format/format-value';
import { useLabel, useLocale } from '../../i18n/use-label';
import classes from '../../device/sections/sections.module.css';
import { formatCell } from '../../device/sections/format-cell';
import { CertificateCard } from './certificate-card';
import { identityField } from './identity-fields';

interface Props {
  result: TestResult;
  onTrust: (fingerprint: string) => void;
  busy: boolean;
}

/** What the test found: the exact stage that failed and the core's message, or what was detected. */
export function TestResultView({ result, onTrust, busy }: Props): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const duration = formatValue(result.durationMs, 'milliseconds', locale);
  const box = useRef<HTMLDivElement>(null);
  // The result lands below a long form: bring it into view, it is what the user is waiting for.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [result]);
  const stage = t(`test.stage.${result.stage}`, { defaultValue: result.stage });

  if (result.ok) {
    const family = result.detected?.family ? familyDescriptor(result.detected.family) : undefined;
    const identity = Object.entries(result.detected?.identity ?? {}).slice(0, 12);
    return (
      <Alert
        ref={box}
        color="green"
        title={t('test.ok', { duration })}
        data-testid="test-result"
        data-stage={result.stage}
      >
        <Stack gap={6}>
          {result.detected?.family && (
            <Text size="sm">
              {t('test.detectedFamily')}:{' '}
              <b data-testid="detected-family">{family ? pick(family.name) : result.detected.family}</b>
            </Text>
          )}
          {identity.length > 0 && (
            <dl className={classes.identity}>
              {identity.map(([k, v]) => {
                const field = identityField(result.detected?.family, k);
                return [
                  <dt key={`${k}-k`}>{pick(field.label)}</dt>,
                  <dd key={`${k}-v`}>{formatCell(v, field, locale, t)}</dd>,
                ];
              })}
            </dl>
          )}
          {result.message && <Text size="sm">{result.message}</Text>}
        </Stack>
      </Alert>
    );
  }

  const cert = result.certificate;
  const tls = result.stage === 'tls-untrusted' || result.stage === 'tls-changed';
  return (
    <Stack ref={box} gap="xs" data-testid="test-result" data-stage={result.stage}>
      <Alert
        color={
          result.stage === 'tls-untrusted' ? 'yellow' : result.stage === 'tls-changed' ? 'orange' : 'red'
        }
        title={`${t('test.failed')} — ${stage}`}
      >
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {result.message}
        </Text>
        {result.stage === 'tls-untrusted' && (
          <Text size="sm" mt={4}>
            {t('test.untrustedHelp')}
          </Text>
        )}
        {result.stage === 'tls-changed' && (
          <Text size="sm" mt={4} fw={600}>
            {t('test.changedHelp')}
          </Text>
        )}
      </Alert>
      {tls && cert && (
        <CertificateCard
          certificate={cert}
          replacing={result.stage === 'tls-changed'}
          onTrust={() => onTrust(cert.fingerprint)}
          busy={busy}
        />
      )}
    </Stack>
  );
}
