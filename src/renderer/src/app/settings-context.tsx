import { useMantineColorScheme } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, UiSettings } from '../../../shared/contract/settings';
import type { z } from 'zod';
import type { UiSettingsUpdateSchema } from '../../../shared/contract/settings';
import { useApi } from '../api/api-context';
import { resolveLang } from '../../../shared/format/locale';

type SettingsUpdate = z.input<typeof UiSettingsUpdateSchema>;

interface SettingsState {
  settings: UiSettings | null;
  info: AppInfo | null;
  update: (patch: SettingsUpdate) => Promise<UiSettings>;
}

const SettingsContext = createContext<SettingsState | null>(null);

/** Loads the UI settings and app info once, and applies language and theme wherever they change. */
export function SettingsProvider({ children }: { children: ReactNode }): ReactNode {
  const { client } = useApi();
  const { i18n } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const [settings, setSettings] = useState<UiSettings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    client.call('settings:get', {}).then(setSettings, () => undefined);
    client.call('app:info', {}).then(setInfo, () => undefined);
  }, [client]);

  useEffect(() => {
    if (!settings) return;
    const lang = resolveLang(settings.language, navigator.languages);
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    setColorScheme(settings.theme);
  }, [settings, i18n, setColorScheme]);

  const update = useCallback(
    async (patch: SettingsUpdate) => {
      const next = await client.call('settings:update', patch);
      setSettings(next);
      return next;
    },
    [client],
  );

  return <SettingsContext value={{ settings, info, update }}>{children}</SettingsContext>;
}

export function useSettings(): SettingsState {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings outside SettingsProvider');
  return s;
}
