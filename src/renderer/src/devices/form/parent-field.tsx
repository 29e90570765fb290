import { Select } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSummary } from '../../../../shared/contract/devices';
import { useDevices } from '../../api/api-context';
import type { FieldsProps } from './field-props';

type Props = Pick<FieldsProps, 'values' | 'set' | 'errors'> & { selfId: string | null };

/**
 * The device this one depends on (a switch, a UPS): when it is down, this device's failure joins its
 * incident instead of raising its own alarm. The core refuses a parent that would close a loop.
 */
export function ParentField(props: Props): ReactNode {
  return <ParentSelect {...props} devices={useDevices()} />;
}

/** The select itself, given the device list (rendered alone in its unit test). */
export function ParentSelect({ values, set, errors, selfId, devices }: Props & { devices: readonly DeviceSummary[] }): ReactNode {
  const { t } = useTranslation();
  const data = useMemo(
    () =>
      devices
        // This computer is where Vigie runs: nothing can be cut off from Vigie by it being down.
        .filter((d) => d.id !== selfId && d.kind !== 'local')
        .map((d) => ({ value: d.id, label: d.host && d.host !== d.name ? `${d.name} (${d.host})` : d.name }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [devices, selfId],
  );
  return (
    <Select
      label={t('form.parent')}
      description={t('form.parentHint')}
      placeholder={t('form.parentNone')}
      data={data}
      value={values.parentId}
      onChange={(id) => set('parentId', id)}
      clearable
      searchable
      nothingFoundMessage={t('form.parentNothing')}
      error={errors.parentId}
      data-testid="parent-select"
    />
  );
}
