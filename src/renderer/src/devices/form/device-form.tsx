import {
  Alert,
  Button,
  Chip,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceConfig, TestResult } from '../../../../shared/contract/devices';
import { VigieError } from '../../../../shared/contract/envelope';
import { FAMILY_DESCRIPTORS } from '../../../../shared/families/index';
import { ADDABLE_KINDS, kindDefinition } from '../../../../shared/kinds/index';
import { useApi } from '../../api/api-context';
import { useLabel } from '../../i18n/use-label';
import {
  emptyForm,
  formFromConfig,
  invalidatesTest,
  issuesToFields,
  missingSecret,
  toDeviceInput,
  serviceDefaults,
  type DeviceFormValues,
  type ErrorKey,
  type FormField,
} from './form-values';
import { DeclaredFields } from './declared-fields';
import { HttpFields } from './http-fields';
import { ParentField } from './parent-field';
import { SnmpFields } from './snmp-fields';
import { TestResultView } from './test-result-view';
import { useRunningProcesses } from './use-running-processes';
import { VsphereFields } from './vsphere-fields';

interface Props {
  /** The device being edited, or null to add one. */
  existing: DeviceConfig | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}

export function DeviceFormModal({ existing, onClose, onSaved }: Props): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const { client, devices } = useApi();
  const [values, setValues] = useState<DeviceFormValues>(() =>
    existing ? formFromConfig(existing) : emptyForm('snmp'),
  );
  const [errors, setErrors] = useState<Partial<Record<ErrorKey, string>>>({});
  const [other, setOther] = useState<string[]>([]);
  const [test, setTest] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const hasSecret = existing?.hasSecret ?? false;

  // Counts edits that a Test result depends on: a result for older values is never shown.
  const edits = useRef(0);
  const set = <K extends FormField>(field: K, value: DeviceFormValues[K]): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (invalidatesTest(field)) {
      edits.current += 1;
      setTest(null);
    }
  };

  const showError = (e: unknown): void => {
    if (e instanceof VigieError && e.issues.length) {
      const mapped = issuesToFields(e.issues);
      setErrors(mapped.fields);
      setOther(mapped.other.length ? mapped.other : Object.keys(mapped.fields).length ? [] : [e.message]);
    } else setOther([e instanceof Error ? e.message : String(e)]);
  };

  const precheck = (): boolean => {
    const missing = missingSecret(values, hasSecret);
    if (!missing) return true;
    setErrors((e) => ({ ...e, [missing]: t('form.required') }));
    return false;
  };

  const runTest = async (v: DeviceFormValues): Promise<void> => {
    setBusy('test');
    setOther([]);
    try {
      const request = existing ? { device: toDeviceInput(v), id: existing.id } : { device: toDeviceInput(v) };
      const asked = edits.current;
      const result = await client.call('devices:test', request);
      setTest(asked === edits.current ? result : null);
    } catch (e) {
      setTest(null);
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const trust = (fingerprint: string): void => {
    const next = { ...values, tlsFingerprint: fingerprint };
    setValues(next);
    void runTest(next);
  };

  const save = async (): Promise<void> => {
    if (!precheck()) return;
    setBusy('save');
    setOther([]);
    try {
      const device = toDeviceInput(values);
      const summary = existing
        ? await client.call('devices:update', { id: existing.id, device })
        : await client.call('devices:add', device);
      devices.upsert(summary);
      onSaved(summary.name);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const families = FAMILY_DESCRIPTORS.filter((d) => d.kind === values.kind);
  const runningProcesses = useRunningProcesses(existing?.id ?? null);
  const fieldsProps = { values, set, errors, hasSecret, runningProcesses };
  const local = values.kind === 'local';

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={existing ? t('devices.editTitle', { name: existing.name }) : t('devices.addTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack gap="sm">
          {!existing && (
            <div>
              <Text size="sm" fw={500} mb={4} id="kind-label">
                {t('form.kind')}
              </Text>
              {/* Chips wrap: the list of kinds grows (services), a segmented control overflowed the dialog. */}
              <Chip.Group
                value={values.kind}
                onChange={(k) => {
                  const kind = ADDABLE_KINDS.find((x) => x === k) ?? values.kind;
                  setValues((v) => ({ ...v, kind, family: 'auto', service: serviceDefaults(kind) }));
                  edits.current += 1;
                  setTest(null);
                }}
              >
                <Group gap={6} role="radiogroup" aria-labelledby="kind-label">
                  {ADDABLE_KINDS.map((k) => (
                    <Chip key={k} value={k} size="sm" radius="sm" variant="outline">
                      {pick(kindDefinition(k).label)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </div>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.name')}
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
            />
            {!local && (
              <Select
                label={t('form.family')}
                value={values.family}
                onChange={(x) => x && set('family', x)}
                data={[
                  { value: 'auto', label: t('form.familyAuto') },
                  ...families.map((d) => ({ value: d.id, label: pick(d.name) })),
                ]}
                allowDeselect={false}
                error={errors.family}
                searchable
              />
            )}
          </SimpleGrid>
          {!local && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                style={{ gridColumn: 'span 2' }}
                label={t('form.host')}
                value={values.host}
                onChange={(e) => set('host', e.currentTarget.value)}
                error={errors.host}
                required
              />
              <NumberInput
                label={t('form.port')}
                placeholder={String(
                  // The EM01's port follows its scheme; every other kind has one default port.
                  values.kind === 'http' && values.httpScheme === 'https' ? 443 : (kindDefinition(values.kind).defaultPort ?? ''),
                )}
                value={values.port}
                min={1}
                max={65535}
                onChange={(x) => set('port', x === '' ? '' : Number(x))}
                error={errors.port}
              />
            </SimpleGrid>
          )}
          <Group grow align="flex-end">
            <NumberInput
              label={t('form.interval')}
              value={values.intervalSeconds}
              min={10}
              max={86400}
              step={10}
              onChange={(x) => set('intervalSeconds', Number(x) || 0)}
              error={errors.intervalSeconds}
            />
            <Switch
              label={t('form.enabled')}
              checked={values.enabled}
              onChange={(e) => set('enabled', e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          {values.kind !== 'local' && <ParentField values={values} set={set} errors={errors} selfId={existing?.id ?? null} />}
          {values.kind === 'snmp' && <SnmpFields {...fieldsProps} />}
          {values.kind === 'vsphere' && <VsphereFields {...fieldsProps} />}
          {values.kind === 'http' && <HttpFields {...fieldsProps} />}
          {kindDefinition(values.kind).fields && <DeclaredFields {...fieldsProps} />}
          {other.length > 0 && (
            <Alert color="red" data-testid="form-error">
              {other.map((m, i) => (
                <div key={i}>{m}</div>
              ))}
            </Alert>
          )}
          {!local && (
            <>
              <Divider />
              {test && <TestResultView result={test} onTrust={trust} busy={busy === 'test'} />}
            </>
          )}
          <Group justify="space-between">
            {!local ? (
              <Button
                variant="light"
                leftSection={<IconPlugConnected size={16} />}
                loading={busy === 'test'}
                onClick={() => void runTest(values)}
                disabled={busy === 'save'}
              >
                {t('devices.test')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy === 'save'} disabled={busy === 'test'}>
                {existing ? t('common.save') : t('devices.addButton')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
