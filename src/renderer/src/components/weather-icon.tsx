import { IconCloud, IconCloudStorm, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Weather } from '../../../shared/contract/devices';
import { STATES, type State } from '../../../shared/states';
import { formatShare } from '../../../shared/format/format-value';
import { useLocale } from '../i18n/use-label';
import { weatherKind, type WeatherKind } from './weather';

const ICONS = { sun: IconSun, clouds: IconCloud, storm: IconCloudStorm } as const;
const COLORS = {
  sun: 'var(--mantine-color-yellow-6)',
  clouds: 'var(--mantine-color-gray-6)',
  storm: 'var(--mantine-color-red-7)',
};

export function WeatherGlyph({
  kind,
  size = 20,
}: {
  kind: Exclude<WeatherKind, 'none'>;
  size?: number;
}): ReactNode {
  const Icon = ICONS[kind];
  return <Icon size={size} color={COLORS[kind]} stroke={1.8} aria-hidden />;
}

export interface WeatherWords {
  locale: string;
  state: Record<State, string>;
  weather: Record<Exclude<WeatherKind, 'none'>, string>;
  last24h: string;
}

/**
 * The 24 h weather with its shares in a native tooltip: one per tile, and a floating tooltip component per
 * tile would cost more than the tile itself with 2,000 of them. Words come from the caller (see tile-text).
 */
export function WeatherMark({
  weather,
  words,
  size = 20,
}: {
  weather: Weather;
  words: WeatherWords;
  size?: number;
}): ReactNode {
  const kind = weatherKind(weather);
  if (kind === 'none') return null;
  const shares = STATES.filter((s) => weather[s] > 0)
    .map((s) => `${words.state[s]} ${formatShare(weather[s], words.locale)}`)
    .join(' · ');
  const label = `${words.weather[kind]} — ${words.last24h}: ${shares}`;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-weather={kind}
      style={{ display: 'inline-flex', flex: 'none' }}
    >
      <WeatherGlyph kind={kind} size={size} />
    </span>
  );
}

/** The same, translating for itself: for the few places that show one weather (a device's header). */
export function WeatherIcon({ weather, size = 20 }: { weather: Weather; size?: number }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const words: WeatherWords = {
    locale,
    state: {
      ok: t('state.ok'),
      warning: t('state.warning'),
      critical: t('state.critical'),
      unknown: t('state.unknown'),
    },
    weather: { sun: t('weather.sun'), clouds: t('weather.clouds'), storm: t('weather.storm') },
    last24h: t('weather.last24h'),
  };
  return <WeatherMark weather={weather} words={words} size={size} />;
}
