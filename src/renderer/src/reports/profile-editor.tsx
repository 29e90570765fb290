import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VigieError } from '../../../shared/contract/envelope';
import {
  ReportProfileSchema,
  type ReportCheckInfo,
  type ReportProfile,
  type ReportScope,
} from '../../../shared/contract/report';
import { useApi, useDevices } from '../api/api-context';
import { href } from '../routing/route';
import { CheckSettings, ExclusionInputs } from './check-settings';
import { compactChecks } from './profile-values';
import { ScheduleFields } from './schedule-fields';

const SCOPE_KINDS = ['datacenters', 'clusters', 'folders'] as const satisfies readonly (keyof ReportScope)[];

function Part({ title, help, children }: { title: string; help?: string; children: ReactNode }): ReactNode {
  // A fieldset with its legend: screen readers (and Playwright's roles) name the group by its title.
  return (
    <Box component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={700} size="md" mb={6} p={0}>
        {title}
      </Text>
      <Stack gap={6}>
        {help && (
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        )}
        {children}
      </Stack>
    </Box>
  );
}

/** Add or edit a profile: name, vCenters of the inventory, language, scope, exclusions, per-check settings. */
export function ProfileEditor({
  initial,
  previousName,
  checks,
  onClose,
  onSaved,
}: {
  initial: ReportProfile;
  previousName: string | null;
  checks: readonly ReportCheckInfo[];
  onClose: () => void;
  onSaved: (p: ReportProfile) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const devices = useDevices();
  const [p, setP] = useState<ReportProfile>(initial);
  const [errors, setErrors] = useState<{ name?: string; vcenters?: string; other?: string }>({});
  const [saving, setSaving] = useState(false);

  const vcenters = useMemo(
    () =>
      devices
        .filter((d) => d.kind === 'vsphere' || p.vcenters.includes(d.id))
        .map((d) => ({ value: d.id, label: `${d.name} (${d.host})` })),
    [devices, p.vcenters],
  );

  const save = async (): Promise<void> => {
    const candidate = { ...p, checks: compactChecks(p.checks, checks) };
    const parsed = ReportProfileSchema.safeParse(candidate);
    if (!parsed.success) {
      const at = (k: string): boolean => parsed.error.issues.some((i) => i.path[0] === k);
      setErrors({
        name: at('name') ? t('reports.editor.nameRule') : undefined,
        vcenters: at('vcenters') ? t('reports.editor.vcentersRule') : undefined,
        other: at('name') || at('vcenters') ? undefined : parsed.error.issues.map((i) => i.message).join('; '),
      });
      return;
    }
    setSaving(true);
    try {
      const saved = await client.call('reports:save-profile', {
        profile: parsed.data,
        ...(previousName !== null ? { previousName } : {}),
      });
      onSaved(saved);
    } catch (e) {
      setErrors({ other: e instanceof VigieError || e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };

  const title = previousName === null ? t('reports.editor.addTitle') : t('reports.editor.editTitle');
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="lg">
          <Part title={t('reports.editor.general')}>
            <TextInput
              label={t('reports.editor.name')}
              description={t('reports.editor.nameRule')}
              value={p.name}
              onChange={(e) => setP({ ...p, name: e.currentTarget.value })}
              error={errors.name}
              required
              data-autofocus
            />
            {vcenters.length === 0 ? (
              <Alert color="yellow" title={t('reports.editor.noVcenter')}>
                <Anchor href={href({ page: 'devices', add: true })}>{t('reports.editor.addVcenter')}</Anchor>
              </Alert>
            ) : (
              <MultiSelect
                label={t('reports.editor.vcenters')}
                data={vcenters}
                value={p.vcenters}
                onChange={(v) => setP({ ...p, vcenters: v })}
                error={errors.vcenters}
                searchable
                required
              />
            )}
            <div>
              <Text size="sm" fw={500} mb={4} id="report-language-label">
                {t('reports.editor.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="report-language-label"
                value={p.language}
                onChange={(v) => setP({ ...p, language: v === 'fr' ? 'fr' : 'en' })}
                data={[
                  { value: 'en', label: 'English' },
                  { value: 'fr', label: 'Français' },
                ]}
              />
            </div>
          </Part>
          <Part title={t('reports.editor.scope')} help={t('reports.editor.scopeHelp')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {SCOPE_KINDS.map((k) => (
                <TagsInput
                  key={k}
                  label={t(`reports.scope.${k}`)}
                  placeholder={t('reports.patternPlaceholder')}
                  value={p.scope[k]}
                  onChange={(v) => setP({ ...p, scope: { ...p.scope, [k]: v } })}
                  clearable
                />
              ))}
            </SimpleGrid>
          </Part>
          <Part title={t('reports.editor.exclusions')} help={t('reports.editor.exclusionsHelp')}>
            <ExclusionInputs idPrefix="profile" value={p.exclusions} onChange={(exclusions) => setP({ ...p, exclusions })} />
          </Part>
          <Part title={t('reports.editor.checks')} help={t('reports.editor.checksHelp')}>
            <CheckSettings
              checks={checks}
              value={p.checks}
              onChange={(id, s) => setP((cur) => ({ ...cur, checks: { ...cur.checks, [id]: s } }))}
            />
          </Part>
          <ScheduleFields value={p} onChange={(v) => setP({ ...p, schedule: v.schedule, mail: v.mail })} />
          {errors.other && (
            <Alert color="red" title={t('reports.editor.saveFailed')}>
              {errors.other}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
