// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UptimePeriod, UptimeStats } from '../../../shared/contract/devices';
import { renderUi } from '../test-support/render-ui';
import { UptimeSection } from './uptime-section';

afterEach(cleanup);

const period = (p: UptimePeriod['period'], observedSeconds: number | null, availabilityPercent: number | null): UptimePeriod => ({
  period: p,
  observedSeconds,
  availabilityPercent,
  outages: 0,
  restarts: 0,
  minUptimeSeconds: null,
  avgUptimeSeconds: null,
  maxUptimeSeconds: null,
});

const firstCells = (): string[] =>
  within(screen.getByTestId('uptime-table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent ?? '');

describe('UptimeSection (issue 17 item 11)', () => {
  it('states the five minutes actually monitored, once, instead of "last year 100 %"', () => {
    const uptime: UptimeStats = {
      currentSeconds: 3600,
      lastRestartAt: null,
      periods: (['day', 'week', 'month', 'year'] as const).map((p) => period(p, 300, 100)),
    };
    renderUi(<UptimeSection uptime={uptime} />);
    expect(firstCells()).toEqual(['Over the 5m monitored']);
    expect(screen.queryByText('Last year')).toBeNull();
  });

  it('keeps the full periods and names the one monitoring covers in part, in French too', () => {
    const uptime: UptimeStats = {
      currentSeconds: 3600,
      lastRestartAt: null,
      periods: [period('day', 86_400, 99), period('week', 7 * 86_400, 98), period('month', 9 * 86_400 + 7200, 98), period('year', 9 * 86_400 + 7200, 98)],
    };
    renderUi(<UptimeSection uptime={uptime} />, 'fr');
    expect(firstCells()).toEqual(['Dernières 24 h', '7 derniers jours', 'Sur 9j 2h de surveillance']);
  });

  it('shows a vCenter (no uptime of its own) its availability without lines and columns of dashes', () => {
    const uptime: UptimeStats = { currentSeconds: null, lastRestartAt: null, periods: [period('day', 300, 100)] };
    renderUi(<UptimeSection uptime={uptime} />);
    const table = screen.getByTestId('uptime-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Period', 'Availability', 'Outages', 'Restarts']);
    expect(screen.queryByText(/Up for/)).toBeNull();
    expect(table.textContent).not.toContain('—');
  });

  it('keeps the uptime columns when the device reports its uptime', () => {
    const withUptime = { ...period('day', 86_400, 100), minUptimeSeconds: 3600, avgUptimeSeconds: 7200, maxUptimeSeconds: 10_800 };
    renderUi(<UptimeSection uptime={{ currentSeconds: 10_800, lastRestartAt: null, periods: [withUptime] }} />);
    expect(within(screen.getByTestId('uptime-table')).getAllByRole('columnheader')).toHaveLength(7);
    expect(screen.getByText('Up for 3h')).toBeTruthy();
  });
});
