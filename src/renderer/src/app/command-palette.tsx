import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import {
  IconLanguage,
  IconMoon,
  IconPlus,
  IconSearch,
  IconServer,
  IconSun,
  IconSunMoon,
} from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useDeviceIds } from '../api/api-context';
import { navigate } from '../routing/route';
import { NAV_ITEMS } from './nav-items';
import { useSettings } from './settings-context';

/** Ctrl/Cmd+K: go to any page or device, add a device, switch theme or language. */
export function CommandPalette(): ReactNode {
  const { t } = useTranslation();
  const { devices } = useApi();
  // Ids change only when devices are added, removed or renamed; a poll does not rebuild the palette.
  const ids = useDeviceIds();
  const { update } = useSettings();

  const actions = useMemo((): SpotlightActionGroupData[] => {
    const change = (patch: Parameters<typeof update>[0]): void => {
      void update(patch).catch(() => undefined);
    };
    const pages: SpotlightActionData[] = NAV_ITEMS.map((n) => ({
      id: `page-${n.page}`,
      label: t(`nav.${n.page}`),
      leftSection: <n.icon size={18} />,
      onClick: () => navigate(n.route),
    }));
    const commands: SpotlightActionData[] = [
      {
        id: 'add-device',
        label: t('devices.add'),
        leftSection: <IconPlus size={18} />,
        onClick: () => navigate({ page: 'devices', add: true }),
      },
      {
        id: 'theme-light',
        label: t('palette.theme', { theme: t('theme.light') }),
        leftSection: <IconSun size={18} />,
        onClick: () => change({ theme: 'light' }),
      },
      {
        id: 'theme-dark',
        label: t('palette.theme', { theme: t('theme.dark') }),
        leftSection: <IconMoon size={18} />,
        onClick: () => change({ theme: 'dark' }),
      },
      {
        id: 'theme-auto',
        label: t('palette.theme', { theme: t('theme.auto') }),
        leftSection: <IconSunMoon size={18} />,
        onClick: () => change({ theme: 'auto' }),
      },
      {
        id: 'lang-en',
        label: 'English',
        description: t('header.language'),
        leftSection: <IconLanguage size={18} />,
        onClick: () => change({ language: 'en' }),
      },
      {
        id: 'lang-fr',
        label: 'Français',
        description: t('header.language'),
        leftSection: <IconLanguage size={18} />,
        onClick: () => change({ language: 'fr' }),
      },
    ];
    const deviceActions: SpotlightActionData[] = ids.flatMap((id) => {
      const d = devices.get(id);
      if (!d) return [];
      return [
        {
          id: `device-${d.id}`,
          label: d.name,
          description: d.host,
          keywords: [d.host, d.family],
          leftSection: <IconServer size={18} />,
          onClick: () => navigate({ page: 'device', id: d.id }),
        },
      ];
    });
    return [
      { group: t('palette.pages'), actions: pages },
      { group: t('palette.commands'), actions: commands },
      { group: t('nav.devices'), actions: deviceActions },
    ];
  }, [ids, devices, t, update]);

  return (
    <Spotlight
      actions={actions}
      nothingFound={t('palette.nothing')}
      highlightQuery
      limit={40}
      shortcut={['mod + K']}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: t('palette.placeholder'),
        'aria-label': t('palette.placeholder'),
      }}
    />
  );
}
