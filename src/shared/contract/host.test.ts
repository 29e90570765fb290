import { describe, expect, it } from 'vitest';
import { HostSchema } from './common';

describe('HostSchema', () => {
  it('accepts addresses and names', () => {
    for (const h of [
      '10.0.0.1',
      '255.255.255.255',
      'nas.example.org',
      'core-sw',
      'fe80::1',
      'host1.lab2',
      'a.b.c.',
    ])
      expect(HostSchema.safeParse(h).success).toBe(true);
  });

  it('refuses dotted numbers that are no IPv4 address, instead of reading them as a name', () => {
    for (const h of ['999.1.1.1', '10.0.0.256', '1.2.3', '1.2.3.4.5', '12345'])
      expect(HostSchema.safeParse(h).success).toBe(false);
  });
});
