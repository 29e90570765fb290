import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSnapshot } from '../../../../shared/contract/devices';
import type { StatsSection } from '../../../../shared/families/descriptor';
import { formatValue } from '../../../../shared/format/format-value';
import { useLabel, useLocale } from '../../i18n/use-label';
import classes from './sections.module.css';

export function StatsView({
  section,
  snapshot,
}: {
  section: StatsSection;
  snapshot: DeviceSnapshot;
}): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const latest = new Map(snapshot.metrics.map((m) => [`${m.name}|${m.instance}`, m.value]));
  return (
    <div className={classes.stats}>
      {section.items.map((item) => {
        const value = latest.get(`${item.metric}|${item.instance ?? ''}`);
        const label = pick(item.label);
        return (
          <div
            key={`${item.metric}|${item.instance ?? ''}`}
            className={classes.stat}
            data-metric={item.metric}
          >
            <div className={classes.statLabel} title={label}>
              {label}
            </div>
            <div className={classes.statValue} aria-label={label}>
              {value === undefined ? (
                <span title={t('device.noValue')}>—</span>
              ) : (
                formatValue(value, item.unit, locale)
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
