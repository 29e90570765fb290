// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableSection } from '../../../../shared/families/descriptor';
import { renderUi } from '../../test-support/render-ui';
import { TableView } from './table-section';

afterEach(cleanup);

const section: TableSection = {
  kind: 'table',
  title: { en: 'Volumes', fr: 'Volumes' },
  table: 'volumes',
  filterable: true,
  sortBy: 'used',
  sortDesc: true,
  stateColumn: 'health',
  columns: [
    { key: 'name', label: { en: 'Name', fr: 'Nom' } },
    { key: 'used', label: { en: 'Use', fr: 'Utilisation' }, unit: 'percent' },
    { key: 'health', label: { en: 'Health', fr: 'Santé' }, format: 'state' },
  ],
};
const HOSTILE = '<img src=x onerror=alert(1)>';
const rows = [
  { name: 'vol0', used: 12, health: 'ok' },
  { name: HOSTILE, used: 98.2, health: 'critical' },
  { name: 'vol2', used: 55, health: 'warning' },
];

const bodyNames = (): string[] =>
  within(screen.getByRole('table', { name: 'Volumes' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent ?? '');

describe('TableView', () => {
  it('starts with the descriptor sort, toggles on header click, and says so with aria-sort', () => {
    renderUi(<TableView section={section} rows={rows} title="Volumes" />);
    expect(bodyNames()).toEqual([HOSTILE, 'vol2', 'vol0']);
    const use = screen.getByRole('columnheader', { name: /Use/ });
    expect(use.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(use).getByRole('button'));
    expect(use.getAttribute('aria-sort')).toBe('ascending');
    expect(bodyNames()).toEqual(['vol0', 'vol2', HOSTILE]);
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Name/ })).getByRole('button'));
    expect(bodyNames()).toEqual([HOSTILE, 'vol0', 'vol2']);
  });

  it('filters on the text shown, marks rows by state, and keeps device text as text', () => {
    const { container } = renderUi(<TableView section={section} rows={rows} title="Volumes" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('tr[data-state="critical"]')?.textContent).toContain(HOSTILE);
    fireEvent.change(screen.getByRole('textbox', { name: 'Filter Volumes' }), {
      target: { value: 'warning' },
    });
    expect(bodyNames()).toEqual(['vol2']);
    fireEvent.change(screen.getByRole('textbox', { name: 'Filter Volumes' }), { target: { value: '98.2%' } });
    expect(bodyNames()).toEqual([HOSTILE]);
    expect(screen.getByText('1 of 3 rows')).toBeTruthy();
  });

  it('speaks French', () => {
    renderUi(<TableView section={section} rows={rows} title="Volumes" />, 'fr');
    expect(screen.getByRole('columnheader', { name: /Utilisation/ })).toBeTruthy();
    expect(screen.getByText('Critique')).toBeTruthy();
    expect(screen.getByText('98,2 %')).toBeTruthy();
  });
});
