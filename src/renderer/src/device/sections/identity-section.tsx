import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSnapshot } from '../../../../shared/contract/devices';
import type { IdentitySection } from '../../../../shared/families/descriptor';
import { StateBadge } from '../../components/state-badge';
import { isState } from '../../components/state-colors';
import { useLabel, useLocale } from '../../i18n/use-label';
import { formatCell } from './format-cell';
import classes from './sections.module.css';

export function IdentityView({
  section,
  snapshot,
}: {
  section: IdentitySection;
  snapshot: DeviceSnapshot;
}): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const fields = section.fields.filter((f) => f.key in snapshot.identity);
  if (fields.length === 0) return <p>{t('device.noData')}</p>;
  return (
    <dl className={classes.identity}>
      {fields.map((f) => {
        const v = snapshot.identity[f.key];
        return [
          <dt key={`${f.key}-l`}>{pick(f.label)}</dt>,
          <dd key={`${f.key}-v`} data-field={f.key}>
            {f.format === 'state' && isState(v) ? <StateBadge state={v} /> : formatCell(v, f, locale, t)}
          </dd>,
        ];
      })}
    </dl>
  );
}
