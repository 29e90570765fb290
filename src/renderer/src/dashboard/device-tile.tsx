import { memo, type CSSProperties, type ReactNode } from 'react';
import { familyDescriptor } from '../../../shared/families/index';
import { useDevice } from '../api/api-context';
import { STATE_COLOR } from '../components/state-colors';
import { WeatherMark } from '../components/weather-icon';
import { formatWhen } from '../../../shared/format/format-time';
import { formatDuration } from '../../../shared/format/format-value';
import { href } from '../routing/route';
import { keyFigureText } from './key-figure';
import { useTileText } from './tile-text';
import { useMessageOr } from '../i18n/use-message';
import classes from './device-tile.module.css';

/**
 * One device on the dashboard. Subscribes to its own device only and is memoised on its id, so a poll of
 * one device re-renders one tile, whatever the number of tiles. No i18n hook here: words come from
 * TileTextProvider, computed once per language.
 */
export const DeviceTile = memo(function DeviceTile({ id }: { id: string }): ReactNode {
  const summary = useDevice(id);
  const text = useTileText();
  const says = useMessageOr();
  if (!summary) return null;
  const descriptor = familyDescriptor(summary.family);
  const color = STATE_COLOR[summary.state];
  const style = {
    '--tile-state': `var(--mantine-color-${color}-6)`,
    '--tile-state-text': `var(--mantine-color-${color}-text)`,
  } as CSSProperties;
  const figureLabel = descriptor?.tile ? text.pick(descriptor.tile.label) : '';
  const stateText = text.state[summary.state];
  // The last poll failed and the figure is the one before: say how old it is and do not show it as current.
  const figureAt = summary.keyFigureAt ?? null;
  const stale = figureAt !== null && summary.lastPollAt !== null && figureAt < summary.lastPollAt;
  const failedPoll = stale || (summary.state === 'unknown' && summary.lastPollAt !== null);
  return (
    <a
      className={classes.tile}
      style={style}
      href={href({ page: 'device', id })}
      data-testid={`tile-${id}`}
      data-state={summary.state}
      aria-label={`${summary.name}, ${stateText}`}
    >
      <div className={classes.top}>
        <span className={classes.name} title={summary.name}>
          {summary.name}
        </span>
        <WeatherMark weather={summary.weather} words={text} size={18} />
      </div>
      <div className={classes.family}>
        {descriptor ? text.pick(descriptor.name) : summary.family} · {summary.host}
      </div>
      <div className={classes.figure}>
        <span
          className={stale ? `${classes.figureValue} ${classes.figureStale}` : classes.figureValue}
          data-testid="key-figure"
          data-stale={stale}
          title={stale ? formatWhen(figureAt, text.locale) : undefined}
        >
          {keyFigureText(summary, text.locale)}
        </span>
        {figureLabel && <span className={classes.figureLabel}>{figureLabel}</span>}
        {stale && summary.lastPollAt !== null && (
          <span className={classes.figureLabel} data-testid="key-figure-age">
            {text.figureAge(formatDuration((summary.lastPollAt - figureAt) / 1000, text.locale))}
          </span>
        )}
      </div>
      <div className={classes.when}>
        {summary.enabled
          ? `${failedPoll ? text.lastPollFailed : text.lastPoll} ${formatWhen(summary.lastPollAt, text.locale)}`
          : text.disabled}
      </div>
      {summary.state !== 'ok' && <div className={classes.message} data-testid="tile-message">{summary.credentialMissing ? text.credentialMissing : (summary.message === null ? stateText : says(summary.messageText, summary.message))}</div>}
    </a>
  );
});
