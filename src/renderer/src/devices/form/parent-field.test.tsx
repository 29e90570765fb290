// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../../../shared/contract/devices';
import { renderUi } from '../../test-support/render-ui';
import { emptyForm, type DeviceFormValues, type FormField } from './form-values';
import { ParentSelect } from './parent-field';

afterEach(cleanup);

const summary = (id: string, name: string, host: string, kind: DeviceSummary['kind'] = 'snmp'): DeviceSummary => ({
  id,
  name,
  kind,
  family: 'auto',
  group: 'network',
  host,
  enabled: true,
  intervalSeconds: 60,
  state: 'ok',
  message: null,
  keyFigure: null,
  lastPollAt: null,
  uptimeSeconds: null,
  weather: { ok: 1, warning: 0, critical: 0, unknown: 0 },
});

const devices = [
  summary('ups-b', 'UPS rack B', '10.0.0.5'),
  summary('core-sw', 'core-sw', 'core-sw'),
  summary('me', 'This computer', 'localhost', 'local'),
  summary('srv', 'db-01', '10.0.0.21'),
];

function show(lang: 'en' | 'fr', selfId: string | null) {
  const picked: (string | null)[] = [];
  const values: DeviceFormValues = { ...emptyForm('snmp'), parentId: null };
  const set = <K extends FormField>(field: K, value: DeviceFormValues[K]): void => {
    if (field === 'parentId') picked.push(value as string | null);
  };
  renderUi(<ParentSelect values={values} set={set} errors={{}} selfId={selfId} devices={devices} />, lang);
  return picked;
}

describe('ParentSelect (the device form’s "Depends on")', () => {
  it('offers the other devices, not itself nor This computer, and sets parentId', () => {
    const picked = show('en', 'srv');
    expect(screen.getByText('A switch or UPS this device depends on: while it is down, this device\'s failure joins its incident')).toBeTruthy();
    expect(screen.getByText('Depends on')).toBeTruthy();
    fireEvent.click(document.querySelector('input[aria-haspopup="listbox"]')!);
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['core-sw', 'UPS rack B (10.0.0.5)']);
    fireEvent.click(screen.getByRole('option', { name: 'UPS rack B (10.0.0.5)' }));
    expect(picked).toEqual(['ups-b']);
  });

  it('speaks French', () => {
    show('fr', null);
    expect(screen.getByText('Dépend de')).toBeTruthy();
    expect(screen.getByText(/Un switch ou un onduleur dont dépend cet équipement/)).toBeTruthy();
  });
});
