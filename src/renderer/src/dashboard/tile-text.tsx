import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/families/descriptor';
import { STATES, type State } from '../../../shared/states';
import { intlLocale, type Lang } from '../../../shared/format/locale';

/**
 * Everything a tile needs from i18n, computed once per language. With 2,000 tiles, a translation hook in
 * each tile costs more than the tile's own rendering; a context read is nearly free.
 */
export interface TileText {
  lang: Lang;
  locale: string;
  state: Record<State, string>;
  weather: Record<'sun' | 'clouds' | 'storm', string>;
  last24h: string;
  lastPoll: string;
  lastPollFailed: string;
  figureAge: (age: string) => string;
  disabled: string;
  credentialMissing: string;
  pick: (l: Label) => string;
}

const TileTextContext = createContext<TileText | null>(null);

export function TileTextProvider({ children }: { children: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'fr' ? 'fr' : 'en';
  const value = useMemo<TileText>(
    () => ({
      lang,
      locale: intlLocale(lang, typeof navigator === 'undefined' ? [] : navigator.languages),
      state: Object.fromEntries(STATES.map((s) => [s, t(`state.${s}`)])) as Record<State, string>,
      weather: { sun: t('weather.sun'), clouds: t('weather.clouds'), storm: t('weather.storm') },
      last24h: t('weather.last24h'),
      lastPoll: t('tile.lastPoll'),
      lastPollFailed: t('tile.lastPollFailed'),
      figureAge: (age) => t('tile.figureAge', { age }),
      disabled: t('tile.disabled'),
      credentialMissing: t('tile.credentialMissing'),
      pick: (l) => l[lang],
    }),
    [t, lang],
  );
  return <TileTextContext value={value}>{children}</TileTextContext>;
}

export function useTileText(): TileText {
  const v = useContext(TileTextContext);
  if (!v) throw new Error('useTileText outside TileTextProvider');
  return v;
}
