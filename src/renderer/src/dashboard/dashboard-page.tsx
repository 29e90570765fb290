import { Box, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useDeviceIds, useDevicesLoaded } from '../api/api-context';
import { href } from '../routing/route';
import { groupDevices } from './group-devices';
import { GroupSection } from './group-section';
import { Legend } from './legend';
import { rendersEveryTile } from './render-every-tile';
import { RecentEvents } from './recent-events';
import { TileTextProvider } from './tile-text';

export function DashboardPage(): ReactNode {
  const { t } = useTranslation();
  const { devices } = useApi();
  const ids = useDeviceIds();
  const loaded = useDevicesLoaded();
  // Recomputed only when membership, names or groups change (ids is then a new array), not on value updates.
  const groups = useMemo(() => groupDevices(ids, (id) => devices.get(id)?.group), [ids, devices]);
  const virtual = !rendersEveryTile(ids.length);

  return (
    <Box
      style={{
        display: 'flex',
        gap: 'var(--mantine-spacing-md)',
        alignItems: 'flex-start',
        flexWrap: 'wrap',
      }}
    >
      <Stack gap={0} style={{ flex: '1 1 600px', minWidth: 0 }}>
        <Title order={1} size="h3">
          {t('nav.dashboard')}
        </Title>
        {!loaded && <Loader mt="xl" aria-label={t('common.loading')} />}
        {loaded && ids.length === 0 && (
          <Stack align="flex-start" mt="xl">
            <Text>{t('dashboard.empty')}</Text>
            <Button
              component="a"
              href={href({ page: 'devices', add: true })}
              leftSection={<IconPlus size={16} />}
            >
              {t('devices.add')}
            </Button>
          </Stack>
        )}
        <TileTextProvider>
          {groups.map((g) => (
            <GroupSection key={g.group} group={g.group} ids={g.ids} virtual={virtual} />
          ))}
        </TileTextProvider>
      </Stack>
      <Stack gap="md" style={{ flex: '0 1 340px', minWidth: 280 }}>
        <RecentEvents />
        <Legend />
      </Stack>
    </Box>
  );
}
