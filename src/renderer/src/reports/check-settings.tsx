import { Accordion, Badge, Group, NumberInput, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCheckInfo, ReportCheckSettings, ReportExclusions } from '../../../shared/contract/report';
import { useLang } from '../i18n/use-label';
import { checkTitle, defaultCheckSettings, thresholdKind, type ThresholdValue } from './profile-values';

const EXCLUSION_KINDS = ['vms', 'hosts', 'datastores'] as const satisfies readonly (keyof ReportExclusions)[];

/** Name patterns for VMs, hosts and datastores: used for the profile's and for each check's exclusions. */
export function ExclusionInputs({
  value,
  onChange,
  idPrefix,
}: {
  value: ReportExclusions;
  onChange: (v: ReportExclusions) => void;
  idPrefix: string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      {EXCLUSION_KINDS.map((k) => (
        <TagsInput
          key={k}
          id={`${idPrefix}-exclude-${k}`}
          label={t(`reports.exclude.${k}`)}
          placeholder={t('reports.patternPlaceholder')}
          value={value[k]}
          onChange={(v) => onChange({ ...value, [k]: v })}
          clearable
        />
      ))}
    </SimpleGrid>
  );
}

function ThresholdInput({
  name,
  value,
  fallback,
  onChange,
  id,
}: {
  name: string;
  value: ThresholdValue;
  fallback: ThresholdValue;
  onChange: (v: ThresholdValue) => void;
  id: string;
}): ReactNode {
  const { t } = useTranslation();
  const label = t(`reports.threshold.${name}`, { defaultValue: name });
  const kind = thresholdKind(fallback);
  if (kind === 'number')
    return (
      <NumberInput
        id={id}
        label={label}
        value={typeof value === 'number' ? value : Number(fallback)}
        onChange={(v) => onChange(typeof v === 'number' ? v : Number(fallback))}
        min={0}
        allowNegative={false}
      />
    );
  if (kind === 'list')
    return (
      <TagsInput
        id={id}
        label={label}
        value={Array.isArray(value) ? value : []}
        onChange={onChange}
        clearable
      />
    );
  return <TextInput id={id} label={label} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/**
 * Every check the core knows, drawn from `reports:checks` alone: enabled, one input per threshold by the type
 * of its default, and exclusions. A check added to the registry shows up here with no change.
 */
export function CheckSettings({
  checks,
  value,
  onChange,
}: {
  checks: readonly ReportCheckInfo[];
  value: Record<string, ReportCheckSettings>;
  onChange: (id: string, settings: ReportCheckSettings) => void;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Accordion variant="separated" multiple chevronPosition="left">
      {checks.map((info) => {
        const s = value[info.id] ?? defaultCheckSettings();
        const title = checkTitle(info, lang, s.thresholds);
        const thresholdNames = Object.keys(info.defaults);
        const excluded = s.exclusions.vms.length + s.exclusions.hosts.length + s.exclusions.datastores.length;
        return (
          <Accordion.Item key={info.id} value={info.id} data-testid={`check-${info.id}`}>
            <Accordion.Control aria-label={title}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" c={s.enabled ? undefined : 'dimmed'} td={s.enabled ? undefined : 'line-through'} truncate>
                  {title}
                </Text>
                <Group gap={4} wrap="nowrap">
                  {!s.enabled && (
                    <Badge color="gray" variant="light">
                      {t('reports.check.off')}
                    </Badge>
                  )}
                  {excluded > 0 && (
                    <Badge color="blue" variant="light">
                      {t('reports.check.exclusions', { count: excluded })}
                    </Badge>
                  )}
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <Switch
                  label={t('reports.check.enabled')}
                  checked={s.enabled}
                  onChange={(e) => onChange(info.id, { ...s, enabled: e.currentTarget.checked })}
                />
                {thresholdNames.length > 0 ? (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    {thresholdNames.map((name) => (
                      <ThresholdInput
                        key={name}
                        id={`check-${info.id}-${name}`}
                        name={name}
                        value={s.thresholds[name] ?? info.defaults[name] ?? ''}
                        fallback={info.defaults[name] ?? ''}
                        onChange={(v) => onChange(info.id, { ...s, thresholds: { ...s.thresholds, [name]: v } })}
                      />
                    ))}
                  </SimpleGrid>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('reports.check.noThreshold')}
                  </Text>
                )}
                <ExclusionInputs
                  idPrefix={`check-${info.id}`}
                  value={s.exclusions}
                  onChange={(exclusions) => onChange(info.id, { ...s, exclusions })}
                />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
