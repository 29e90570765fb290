import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAdjustmentsAlt, IconList, IconPencil, IconRefresh } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDetail } from '../../../shared/contract/devices';
import { familyDescriptor } from '../../../shared/families/index';
import { useApi } from '../api/api-context';
import { StateBadge } from '../components/state-badge';
import { WeatherIcon } from '../components/weather-icon';
import { formatDateTime } from '../../../shared/format/format-time';
import { formatDuration } from '../../../shared/format/format-value';
import { useLabel, useLocale } from '../i18n/use-label';
import { useMessageOr } from '../i18n/use-message';
import { href } from '../routing/route';

export function DeviceHeader({ detail }: { detail: DeviceDetail }): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const says = useMessageOr();
  const { client, devices } = useApi();
  const [polling, setPolling] = useState(false);
  const { summary, config } = detail;
  const descriptor = familyDescriptor(summary.family);
  const familyName = descriptor ? pick(descriptor.name) : summary.family;

  const pollNow = async (): Promise<void> => {
    setPolling(true);
    try {
      devices.upsert(await client.call('devices:poll', { id: summary.id }));
    } catch (e) {
      notifications.show({
        color: 'red',
        title: t('device.pollFailed'),
        message: e instanceof Error ? e.message : String(e),
      });
    } finally {
      setPolling(false);
    }
  };

  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }} data-testid="device-name">
              {summary.name}
            </Title>
            <StateBadge state={summary.state} size="lg" />
            <WeatherIcon weather={summary.weather} size={22} />
          </Group>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color="gray" data-testid="device-family">
              {familyName}
            </Badge>
            {config.family === 'auto' && config.detectedFamily && (
              <Text size="xs" c="dimmed">
                {t('device.detected')}
              </Text>
            )}
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {summary.host}
              {config.port ? `:${config.port}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              · {t('device.lastPoll')} {formatDateTime(summary.lastPollAt, locale)}
            </Text>
            <Text size="sm" c="dimmed">
              · {t('device.every', { interval: formatDuration(config.intervalSeconds, locale) })}
            </Text>
            {summary.uptimeSeconds !== null && (
              <Text size="sm" c="dimmed">
                · {t('device.uptime')} {formatDuration(summary.uptimeSeconds, locale)}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={polling}
            onClick={() => void pollNow()}
            disabled={!summary.enabled}
          >
            {t('device.pollNow')}
          </Button>
          {summary.kind !== 'local' && (
            <Button
              variant="default"
              component="a"
              href={href({ page: 'devices', add: false, edit: summary.id })}
              leftSection={<IconPencil size={16} />}
            >
              {t('common.edit')}
            </Button>
          )}
          <Anchor href={href({ page: 'events', deviceId: summary.id })} size="sm">
            <Group gap={4}>
              <IconList size={16} />
              {t('nav.events')}
            </Group>
          </Anchor>
          <Anchor href={href({ page: 'rules', family: null, deviceId: summary.id })} size="sm" data-testid="device-rules">
            <Group gap={4}>
              <IconAdjustmentsAlt size={16} />
              {t('nav.rules')}
            </Group>
          </Anchor>
        </Group>
      </Group>
      {summary.state !== 'ok' && summary.message && (
        <Alert
          color={summary.state === 'critical' ? 'red' : summary.state === 'warning' ? 'orange' : 'gray'}
          data-testid="device-message"
        >
          <span style={{ overflowWrap: 'anywhere' }}>{says(summary.messageText, summary.message)}</span>
        </Alert>
      )}
      {summary.credentialMissing && (
        <Alert color="orange" data-testid="credential-missing">
          {t('device.credentialMissing')}
        </Alert>
      )}
      {!summary.enabled && <Alert color="gray">{t('device.disabled')}</Alert>}
    </Stack>
  );
}
