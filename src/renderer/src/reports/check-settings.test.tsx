// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportCheckInfo, ReportCheckSettings } from '../../../shared/contract/report';
import { renderUi } from '../test-support/render-ui';
import { CheckSettings } from './check-settings';

afterEach(cleanup);

/** A check from a later version: its inputs come from its defaults alone. */
const future: ReportCheckInfo = {
  id: 'future-check',
  title: { en: 'Future check over {limit} units', fr: 'Contrôle futur au-delà de {limit} unités' },
  defaults: { limit: 7, mode: 'strict', names: ['a', 'b'] },
  columns: ['vm'],
};

let last: Record<string, ReportCheckSettings> = {};
function Harness(): ReactNode {
  const [value, setValue] = useState<Record<string, ReportCheckSettings>>({});
  return (
    <CheckSettings
      checks={[future]}
      value={value}
      onChange={(id, s) => {
        last = { ...value, [id]: s };
        setValue(last);
      }}
    />
  );
}

describe('check settings', () => {
  it('draws a number, a text and a list input from the types of the defaults, and the title follows them', () => {
    renderUi(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Future check over 7 units' }));
    // jsdom runs no transitions: the opened panel may still count as hidden, its inputs are there all the same.
    const panel = screen.getByTestId('check-future-check');
    expect(within(panel).getByRole('textbox', { name: 'limit', hidden: true })).toHaveProperty('value', '7');
    expect(within(panel).getByRole('textbox', { name: 'mode', hidden: true })).toHaveProperty('value', 'strict');
    expect(within(panel).getByRole('combobox', { name: 'names', hidden: true })).toBeTruthy();
    expect(within(panel).getByText('a')).toBeTruthy();

    fireEvent.change(within(panel).getByRole('textbox', { name: 'limit', hidden: true }), { target: { value: '12' } });
    expect(last['future-check']?.thresholds.limit).toBe(12);
    expect(screen.getByRole('button', { name: 'Future check over 12 units' })).toBeTruthy();

    fireEvent.click(within(panel).getByRole('switch', { name: 'Include this check', hidden: true }));
    expect(last['future-check']?.enabled).toBe(false);
  });

  it('speaks French', () => {
    renderUi(<Harness />, 'fr');
    expect(screen.getByRole('button', { name: 'Contrôle futur au-delà de 7 unités' })).toBeTruthy();
  });
});
