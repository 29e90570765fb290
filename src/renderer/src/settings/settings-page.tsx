import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/settings-context';
import { formatDateTime } from '../../../shared/format/format-time';
import { useLocale } from '../i18n/use-label';
import { MailSettingsSection } from './mail-settings-section';
import { NotificationsSection } from './notifications-section';
import { AlertingSettingsSection } from './alerting-settings-section';

function Section({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function SettingsPage(): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const { settings, info, update } = useSettings();
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | null>(null);

  const fail = (e: unknown): void => {
    notifications.show({
      color: 'red',
      title: t('settings.saveFailed'),
      message: e instanceof Error ? e.message : String(e),
    });
  };

  const saveToken = async (value: string | null): Promise<void> => {
    if (value !== null && value.length < 16) {
      setTokenError(t('settings.tokenTooShort'));
      return;
    }
    try {
      await update({ metricsToken: value });
      setToken('');
      setTokenError(null);
      notifications.show({
        color: 'green',
        message: value ? t('settings.tokenSaved') : t('settings.tokenCleared'),
      });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h3">
        {t('nav.settings')}
      </Title>
      <Section title={t('settings.display')}>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4} id="lang-label">
              {t('settings.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="lang-label"
              value={settings?.language ?? 'system'}
              onChange={(v) => void update({ language: v }).catch(fail)}
              data={[
                { value: 'system', label: t('settings.system') },
                { value: 'en', label: 'English' },
                { value: 'fr', label: 'Français' },
              ]}
              disabled={!settings}
            />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4} id="theme-label">
              {t('settings.theme')}
            </Text>
            <SegmentedControl
              aria-labelledby="theme-label"
              value={settings?.theme ?? 'auto'}
              onChange={(v) => void update({ theme: v }).catch(fail)}
              data={[
                { value: 'auto', label: t('theme.auto') },
                { value: 'light', label: t('theme.light') },
                { value: 'dark', label: t('theme.dark') },
              ]}
              disabled={!settings}
            />
          </div>
        </Stack>
      </Section>
      <Section title={t('settings.metrics')}>
        <Stack gap="sm">
          <Text size="sm">{t('settings.metricsHelp')}</Text>
          <Group gap="xs">
            <Text size="sm">{t('settings.tokenStatus')}</Text>
            <Badge color={settings?.metricsTokenSet ? 'green' : 'gray'} data-testid="token-status">
              {settings?.metricsTokenSet ? t('settings.tokenSet') : t('settings.tokenNotSet')}
            </Badge>
          </Group>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void saveToken(token);
            }}
          >
            <Group align="flex-start">
              <PasswordInput
                label={t('settings.newToken')}
                description={t('settings.tokenRule')}
                value={token}
                onChange={(e) => setToken(e.currentTarget.value)}
                error={tokenError}
                autoComplete="new-password"
                w={360}
              />
              <Button type="submit" mt={44} disabled={!token}>
                {t('settings.setToken')}
              </Button>
              {settings?.metricsTokenSet && (
                <Button variant="subtle" color="red" mt={44} onClick={() => void saveToken(null)}>
                  {t('settings.clearToken')}
                </Button>
              )}
            </Group>
          </form>
        </Stack>
      </Section>
      <Section title={t('mail.title')}>
        <MailSettingsSection />
      </Section>
      <Section title={t('notifyChannels.title')}>
        <NotificationsSection />
      </Section>
      <Section title={t('alertingSettings.title')}>
        <AlertingSettingsSection />
      </Section>
      <Section title={t('settings.secrets')}>
        {info ? (
          <Stack gap="xs" data-testid="secrets-backend">
            <Group gap="xs">
              <Text size="sm">{t('settings.secretsBackend')}</Text>
              <Badge color={info.secrets.available ? 'green' : 'red'}>
                {t(`settings.backend.${info.secrets.backend}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`settings.backendHelp.${info.secrets.backend}`)}
            </Text>
            {info.secrets.message && (
              <Alert color={info.secrets.available ? 'blue' : 'red'}>{info.secrets.message}</Alert>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        )}
      </Section>
      <Section title={t('settings.about')}>
        {info && (
          <Stack gap={4} data-testid="about">
            <Text size="sm">
              {info.name} {info.version}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`settings.mode.${info.mode}`)} ·{' '}
              {t('settings.startedAt', { when: formatDateTime(info.startedAt, locale) })}
            </Text>
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
