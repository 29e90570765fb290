import { describe, expect, it } from 'vitest';
import type { ActiveProblem } from '../../shared/contract/alerting';
import { msg } from '../../shared/messages/message';
import { deviceHash, trayAck, trayMenuModel } from './tray-menu';

function problem(deviceName: string, state: ActiveProblem['state'], since: number, acked = false): ActiveProblem {
  return {
    deviceId: deviceName,
    deviceName,
    group: 'vmware',
    checkId: 'reachability',
    label: msg('check.reachability'),
    detail: msg('check.answers'),
    state,
    since,
    flapping: false,
    acknowledgement: acked ? { by: 'me', at: since, comment: 'on it', mode: 'until-recovery', state } : null,
    silencedUntil: null,
    maintenance: null,
    incidentId: null,
  };
}

describe('tray menu', () => {
  it('lists the problems worst first, then oldest, between Show and Quit', () => {
    const items = trayMenuModel([problem('vm-b', 'warning', 2), problem('esx-1', 'critical', 5), problem('vm-a', 'warning', 1, true)], 'en');
    expect(items.map((i) => (i.kind === 'problem' ? i.label : i.kind))).toEqual([
      'show',
      'separator',
      'CRITICAL esx-1: Reachability',
      'WARNING vm-a: Reachability ✓',
      'WARNING vm-b: Reachability',
      'separator',
      'quit',
    ]);
  });

  it('caps the list, says how many more, and speaks French', () => {
    const many = Array.from({ length: 15 }, (_, i) => problem(`vm-${i}`, 'unknown', i));
    const items = trayMenuModel(many, 'fr');
    expect(items.filter((i) => i.kind === 'problem')).toHaveLength(12);
    expect(items.find((i) => i.kind === 'more')).toEqual({ kind: 'more', count: 3 });
    expect(items[2]).toMatchObject({ label: expect.stringMatching(/^INCONNU vm-0 : /) as unknown });
  });

  it('no problem: just Show and Quit; acknowledge sends alerts:ack until recovery', () => {
    expect(trayMenuModel([], 'en').map((i) => i.kind)).toEqual(['show', 'separator', 'quit']);
    const [, , item] = trayMenuModel([problem('esx-1', 'critical', 1)], 'en');
    if (item?.kind !== 'problem') throw new Error('expected a problem');
    expect(trayAck(item)).toEqual({ deviceId: 'esx-1', checkId: 'reachability', comment: 'Acknowledged from the tray', mode: 'until-recovery' });
    expect(deviceHash('esx-1')).toBe('#/device/esx-1');
  });
});
