import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectiveRule } from '../../../shared/contract/alerting';
import type { SeriesInfo } from '../../../shared/contract/devices';
import { FAMILY_DESCRIPTORS, familyDescriptor } from '../../../shared/families/index';
import { useApi, useDevices } from '../api/api-context';
import { useLabel } from '../i18n/use-label';
import { navigate } from '../routing/route';
import { CustomRuleDialog } from './custom-rule-dialog';
import { RuleEditor } from './rule-editor';

/**
 * The rule editor: the effective rules of a family or of one device, each value with where it comes from,
 * saved as a family or device override, with a preview over the last 24 h of one device's stored data.
 */
export function RulesPage({ family: familyParam, deviceId }: { family: string | null; deviceId: string | null }): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const { client } = useApi();
  const devices = useDevices();
  const device = deviceId ? devices.find((d) => d.id === deviceId) : undefined;
  const family = device?.family ?? familyParam ?? devices[0]?.family ?? FAMILY_DESCRIPTORS[0]?.id ?? null;
  const ofFamily = devices.filter((d) => d.family === family);
  const [chosenPreview, setChosenPreview] = useState<string | null>(null);
  const previewDeviceId = deviceId ?? (chosenPreview && ofFamily.some((d) => d.id === chosenPreview) ? chosenPreview : (ofFamily[0]?.id ?? null));
  const [rules, setRules] = useState<{ key: string; list: EffectiveRule[]; error: string | null } | null>(null);
  const [series, setSeries] = useState<{ id: string; list: SeriesInfo[] } | null>(null);
  const [generation, setGeneration] = useState(0);
  const [adding, setAdding] = useState(false);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const queryKey = `${family ?? ''}|${deviceId ?? ''}`;

  useEffect(() => {
    if (!family) return;
    let stale = false;
    client.call('alerts:rules', deviceId ? { deviceId } : { family }).then(
      (list) => {
        if (!stale) setRules({ key: queryKey, list, error: null });
      },
      (e: unknown) => {
        if (!stale) setRules({ key: queryKey, list: [], error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      stale = true;
    };
  }, [client, family, deviceId, queryKey, generation]);

  useEffect(() => {
    if (!previewDeviceId) return;
    let stale = false;
    client.call('devices:get', { id: previewDeviceId }).then(
      (d) => {
        if (!stale) setSeries({ id: previewDeviceId, list: d.series });
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [client, previewDeviceId]);

  const current = rules?.key === queryKey ? rules : null;
  const deviceSeries = series?.id === previewDeviceId ? series.list : [];
  const instancesOf = (metric: string): string[] => (deviceId ? deviceSeries.filter((s) => s.metric === metric).map((s) => s.instance) : []);
  const familyOptions = FAMILY_DESCRIPTORS.map((f) => ({ value: f.id, label: pick(f.name) }));

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        {t('nav.rules')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('rules.intro')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={deviceId ? 'device' : 'family'}
          data={[
            { value: 'family', label: t('rules.forFamily') },
            { value: 'device', label: t('rules.forDevice') },
          ]}
          onChange={(v) =>
            navigate(
              v === 'device'
                ? { page: 'rules', family: null, deviceId: previewDeviceId ?? devices[0]?.id ?? null }
                : { page: 'rules', family, deviceId: null },
            )
          }
        />
        {deviceId ? (
          <Select
            label={t('rules.device')}
            data={devices.map((d) => ({ value: d.id, label: d.name }))}
            value={deviceId}
            onChange={(id) => id && navigate({ page: 'rules', family: null, deviceId: id })}
            searchable
            allowDeselect={false}
            w={300}
          />
        ) : (
          <>
            <Select
              label={t('rules.family')}
              data={familyOptions}
              value={family}
              onChange={(f) => f && navigate({ page: 'rules', family: f, deviceId: null })}
              searchable
              allowDeselect={false}
              w={280}
            />
            <Select
              label={t('rules.previewOn')}
              data={ofFamily.map((d) => ({ value: d.id, label: d.name }))}
              value={previewDeviceId}
              onChange={setChosenPreview}
              placeholder={t('rules.noDeviceOfFamily')}
              searchable
              allowDeselect={false}
              w={280}
            />
          </>
        )}
        <Button leftSection={<IconPlus size={16} />} variant="light" disabled={!previewDeviceId || !family} onClick={() => setAdding(true)}>
          {t('rules.addCustom')}
        </Button>
      </Group>
      {device && (
        <Text size="sm" c="dimmed">
          {t('rules.deviceOfFamily', { name: device.name, family: pick(familyDescriptor(device.family)?.name ?? { en: device.family, fr: device.family }) })}
        </Text>
      )}
      {current?.error && <Alert color="red">{current.error}</Alert>}
      {!current ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : current.list.length === 0 ? (
        <Text c="dimmed" data-testid="rules-none">
          {t('rules.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="rules-list">
          {current.list.map((e) => (
            <RuleEditor
              key={e.rule.id}
              effective={e}
              scope={{ family: family ?? e.rule.family, deviceId }}
              previewDeviceId={previewDeviceId}
              instances={instancesOf(e.rule.metric)}
              onChanged={reload}
            />
          ))}
        </Stack>
      )}
      {family && (
        <CustomRuleDialog
          key={String(adding)}
          opened={adding}
          family={family}
          deviceId={deviceId}
          series={deviceSeries}
          taken={new Set(current?.list.map((e) => e.rule.id) ?? [])}
          onClose={() => setAdding(false)}
          onSave={async (rule) => {
            await client.call('alerts:save-rule', { rule });
            setAdding(false);
            reload();
          }}
        />
      )}
    </Stack>
  );
}
