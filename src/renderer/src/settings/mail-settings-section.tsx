import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailTestResult, OutboxEntry, SmtpSecurity, SmtpSettings } from '../../../shared/contract/mail';
import type { ScheduledRun } from '../../../shared/contract/mail-api';
import { useApi } from '../api/api-context';
import { formatDateTime } from '../../../shared/format/format-time';
import { useLocale } from '../i18n/use-label';

const DEFAULT_PORT: Record<SmtpSecurity, number> = { none: 25, starttls: 587, tls: 465 };
const OUTBOX_REFRESH_MS = 15_000;

interface Form {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  password: string;
  from: string;
  replyTo: string;
  caFile: string;
}

const toForm = (s: SmtpSettings): Form => ({
  host: s.host,
  port: s.port,
  security: s.security,
  username: s.username ?? '',
  password: '',
  from: s.from,
  replyTo: s.replyTo ?? '',
  caFile: s.caFile ?? '',
});

/**
 * Settings → Mail: the one SMTP transport of reports and alerts, a test mail that says precisely what failed
 * (with the certificate to trust on first use), and the outbox of mails waiting for a retry.
 */
export function MailSettingsSection(): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { client } = useApi();
  const [saved, setSaved] = useState<SmtpSettings | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [result, setResult] = useState<MailTestResult | null>(null);
  const [outbox, setOutbox] = useState<OutboxEntry[]>([]);
  const [scheduled, setScheduled] = useState<ScheduledRun[]>([]);

  const fail = useCallback(
    (e: unknown): void => {
      notifications.show({ color: 'red', title: t('settings.saveFailed'), message: e instanceof Error ? e.message : String(e) });
    },
    [t],
  );

  const refreshOutbox = useCallback(() => {
    client.call('mail:outbox', {}).then(setOutbox, () => undefined);
    client.call('schedule:next', {}).then(setScheduled, () => undefined);
  }, [client]);

  useEffect(() => {
    client.call('mail:settings', {}).then((s) => {
      setSaved(s);
      setForm(toForm(s));
    }, fail);
    refreshOutbox();
    const timer = setInterval(refreshOutbox, OUTBOX_REFRESH_MS);
    return () => clearInterval(timer);
  }, [client, fail, refreshOutbox]);

  if (!form || !saved) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  }

  const set = <K extends keyof Form>(k: K, v: Form[K]): void => setForm({ ...form, [k]: v });

  const save = async (pinned = saved.pinnedCertificate): Promise<boolean> => {
    setBusy('save');
    try {
      const next = await client.call('mail:save', {
        host: form.host.trim(),
        port: form.port,
        security: form.security,
        username: form.username.trim() || null,
        ...(form.password ? { password: form.password } : !form.username.trim() && saved.passwordSet ? { password: null } : {}),
        from: form.from.trim(),
        replyTo: form.replyTo.trim() || null,
        caFile: form.caFile.trim() || null,
        pinnedCertificate: pinned,
      });
      setSaved(next);
      setForm({ ...form, password: '' });
      notifications.show({ color: 'green', message: t('mail.saved') });
      return true;
    } catch (e) {
      fail(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const sendTest = async (): Promise<void> => {
    setBusy('test');
    setResult(null);
    try {
      const addresses = to.split(',').map((a) => a.trim()).filter(Boolean);
      setResult(await client.call('mail:test', { to: addresses }));
      refreshOutbox();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const trust = async (): Promise<void> => {
    const cert = result?.failure?.certificate;
    if (!cert) return;
    if (await save({ fingerprint: cert.fingerprint, pem: cert.pem })) setResult(null);
  };

  const cert = result?.failure?.certificate ?? null;

  return (
    <Stack gap="sm" data-testid="mail-settings">
      <Text size="sm">{t('mail.help')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="xs">
          <Group align="flex-start" grow>
            <TextInput label={t('mail.host')} value={form.host} onChange={(e) => set('host', e.currentTarget.value)} placeholder="smtp.example.com" />
            <NumberInput label={t('mail.port')} value={form.port} min={1} max={65535} onChange={(v) => set('port', typeof v === 'number' ? v : Number(v) || 25)} maw={120} />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4} id="smtp-security-label">
              {t('mail.security')}
            </Text>
            <SegmentedControl
              aria-labelledby="smtp-security-label"
              value={form.security}
              onChange={(v) => {
                const security = v;
                setForm({ ...form, security, port: form.port === DEFAULT_PORT[form.security] ? DEFAULT_PORT[security] : form.port });
              }}
              data={[
                { value: 'none', label: t('mail.securityNone') },
                { value: 'starttls', label: 'STARTTLS' },
                { value: 'tls', label: t('mail.securityTls') },
              ]}
            />
          </div>
          <Group align="flex-start" grow>
            <TextInput label={t('mail.username')} description={t('mail.usernameHelp')} value={form.username} onChange={(e) => set('username', e.currentTarget.value)} autoComplete="off" />
            <PasswordInput
              label={t('mail.password')}
              description={saved.passwordSet ? t('mail.passwordStored') : t('mail.passwordKeychain')}
              value={form.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              autoComplete="new-password"
            />
          </Group>
          <Group align="flex-start" grow>
            <TextInput label={t('mail.from')} value={form.from} onChange={(e) => set('from', e.currentTarget.value)} placeholder="Vigie <vigie@example.com>" />
            <TextInput label={t('mail.replyTo')} value={form.replyTo} onChange={(e) => set('replyTo', e.currentTarget.value)} />
          </Group>
          <TextInput label={t('mail.caFile')} description={t('mail.caFileHelp')} value={form.caFile} onChange={(e) => set('caFile', e.currentTarget.value)} />
          {saved.pinnedCertificate && (
            <Group gap="xs" data-testid="mail-pinned">
              <Text size="sm">{t('mail.pinned')}</Text>
              <Code>{saved.pinnedCertificate.fingerprint}</Code>
              <Button size="xs" variant="subtle" color="red" onClick={() => void save(null)}>
                {t('mail.forgetPin')}
              </Button>
            </Group>
          )}
          <Group>
            <Button type="submit" loading={busy === 'save'}>
              {t('mail.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void sendTest();
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('mail.testTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} placeholder="ops@example.com" w={320} />
          <Button type="submit" variant="light" loading={busy === 'test'} disabled={!to.trim()}>
            {t('mail.sendTest')}
          </Button>
        </Group>
      </form>
      {result?.ok && (
        <Alert color="green" data-testid="mail-test-result">
          {t('mail.testOk', { id: result.messageId ?? '' })}
        </Alert>
      )}
      {result?.failure && (
        <Alert color="red" title={t(`mail.kind.${result.failure.kind}`)} data-testid="mail-test-result">
          <Stack gap="xs">
            <Text size="sm">{result.failure.message}</Text>
            {cert && (
              <Stack gap={2} data-testid="mail-certificate">
                <Text size="sm">
                  {t('mail.certFingerprint')} <Code>{cert.fingerprint}</Code>
                </Text>
                <Text size="sm">{t('mail.certSubject', { subject: cert.subject, issuer: cert.issuer })}</Text>
                <Text size="sm">{t('mail.certValidity', { from: cert.validFrom, to: cert.validTo })}</Text>
                <Group>
                  <Button size="xs" color="orange" onClick={() => void trust()}>
                    {t('mail.trust')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Alert>
      )}
      <Text size="sm" fw={500}>
        {t('schedule.scheduled')}
      </Text>
      {scheduled.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('schedule.noneScheduled')}
        </Text>
      ) : (
        <Table data-testid="scheduled-reports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('schedule.profile')}</Table.Th>
              <Table.Th>{t('schedule.nextRun')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scheduled.map((r) => (
              <Table.Tr key={r.profile}>
                <Table.Td>{r.profile}</Table.Td>
                <Table.Td>
                  {r.nextRunAt === null ? t('schedule.never') : formatDateTime(r.nextRunAt, locale)}
                  {r.running ? ` (${t('schedule.running')})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('mail.outbox')}
        </Text>
        <Badge color={outbox.length ? 'orange' : 'gray'} data-testid="outbox-count">
          {outbox.length}
        </Badge>
      </Group>
      {outbox.length > 0 && (
        <Table data-testid="outbox" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mail.subject')}</Table.Th>
              <Table.Th>{t('mail.recipients')}</Table.Th>
              <Table.Th>{t('mail.lastError')}</Table.Th>
              <Table.Th>{t('mail.nextAttempt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outbox.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.subject}</Table.Td>
                <Table.Td>{[...m.to, ...m.cc].join(', ')}</Table.Td>
                <Table.Td>{m.lastError ? `${t(`mail.kind.${m.lastError.kind}`)}: ${m.lastError.message}` : ''}</Table.Td>
                <Table.Td>
                  {formatDateTime(m.nextAttemptAt, locale)} ({t('mail.attempts', { count: m.attempts })})
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => void client.call('mail:retry', { id: m.id }).then(refreshOutbox, fail)}>
                      {t('mail.retry')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => void client.call('mail:discard', { id: m.id }).then(refreshOutbox, fail)}>
                      {t('mail.discard')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
