import { ActionIcon, Group, Kbd, Menu, Tooltip, UnstyledButton, Text } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconLanguage, IconLogout, IconMoon, IconSearch, IconSun, IconSunMoon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/use-label';
import { useSettings } from './settings-context';

const THEME_ICON = { auto: IconSunMoon, light: IconSun, dark: IconMoon } as const;

export function HeaderControls(): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  const { settings, info, update } = useSettings();
  const theme = settings?.theme ?? 'auto';
  const ThemeIcon = THEME_ICON[theme];
  const change = (patch: Parameters<typeof update>[0]): void => {
    void update(patch).catch(() => undefined);
  };
  return (
    <Group gap={6} wrap="nowrap">
      <UnstyledButton onClick={() => spotlight.open()} aria-label={t('palette.open')} visibleFrom="sm">
        <Group
          gap={6}
          px="xs"
          py={4}
          style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}
        >
          <IconSearch size={14} />
          <Text size="sm" c="dimmed">
            {t('palette.search')}
          </Text>
          <Kbd size="xs">Ctrl K</Kbd>
        </Group>
      </UnstyledButton>
      <Menu position="bottom-end">
        <Menu.Target>
          <Tooltip label={t('header.language')}>
            <ActionIcon variant="default" size="lg" aria-label={t('header.language')}>
              <IconLanguage size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            onClick={() => change({ language: 'en' })}
            disabled={!settings}
            fw={lang === 'en' ? 700 : undefined}
          >
            English
          </Menu.Item>
          <Menu.Item
            onClick={() => change({ language: 'fr' })}
            disabled={!settings}
            fw={lang === 'fr' ? 700 : undefined}
          >
            Français
          </Menu.Item>
          <Menu.Item onClick={() => change({ language: 'system' })} disabled={!settings}>
            {t('settings.system')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-end">
        <Menu.Target>
          <Tooltip label={t('header.theme')}>
            <ActionIcon variant="default" size="lg" aria-label={t('header.theme')}>
              <ThemeIcon size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          {(['light', 'dark', 'auto'] as const).map((m) => {
            const Icon = THEME_ICON[m];
            return (
              <Menu.Item
                key={m}
                leftSection={<Icon size={14} />}
                onClick={() => change({ theme: m })}
                disabled={!settings}
                fw={theme === m ? 700 : undefined}
              >
                {t(`theme.${m}`)}
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      {info?.mode === 'web' && (
        // A real form POST: the server clears the HttpOnly session cookie, which script cannot touch.
        <form method="post" action="/logout" style={{ display: 'contents' }}>
          <Tooltip label={t('header.signOut')}>
            <ActionIcon type="submit" variant="default" size="lg" aria-label={t('header.signOut')}>
              <IconLogout size={18} />
            </ActionIcon>
          </Tooltip>
        </form>
      )}
    </Group>
  );
}
