import { describe, expect, it } from 'vitest';
import { groupDevices } from './group-devices';

describe('groupDevices', () => {
  it("follows the spec's group order, keeps the given order inside a group, and puts unknown groups last", () => {
    const groups: Record<string, string> = {
      a: 'vmware',
      b: 'workstation',
      c: 'zeta',
      d: 'vmware',
      e: 'appliances',
      f: 'switches',
    };
    expect(groupDevices(['a', 'b', 'c', 'd', 'e', 'f', 'gone'], (id) => groups[id])).toEqual([
      { group: 'workstation', ids: ['b'] },
      { group: 'switches', ids: ['f'] },
      { group: 'vmware', ids: ['a', 'd'] },
      { group: 'appliances', ids: ['e'] },
      { group: 'other', ids: ['gone'] },
      { group: 'zeta', ids: ['c'] },
    ]);
  });
});
