import { describe, expect, it } from 'vitest';
import { parseProbeOptions, ProbeUsageError } from './probe-options';

const defaults = { authProtocol: 'sha', privProtocol: 'aes', context: '', family: 'auto', timeout: '2000', retries: '1', watch: [], json: false, port: '161' };

describe('parseProbeOptions', () => {
  it('defaults to v2c with the community "public" when no variable is named', () => {
    const c = parseProbeOptions('192.0.2.1', defaults, {});
    expect(c.target.device.snmp?.version).toBe('2c');
    expect(c.target.secret).toEqual({ community: 'public' });
    expect(c.target.device.port).toBe(161);
    expect(c.intervalSeconds).toBeNull();
  });

  it('reads secrets from the named environment variables only', () => {
    const v2 = parseProbeOptions('sw1.example.net', { ...defaults, communityEnv: 'C' }, { C: 's3cret' });
    expect(v2.target.secret).toEqual({ community: 's3cret' });
    const v3 = parseProbeOptions('sw1', { ...defaults, user: 'ops', authKeyEnv: 'A', privKeyEnv: 'P', privProtocol: 'des', authProtocol: 'md5' }, { A: 'authkey-1', P: 'privkey-1' });
    expect(v3.target.device.snmp).toMatchObject({ version: '3', user: 'ops', level: 'authPriv', authProtocol: 'md5', privProtocol: 'des' });
    expect(v3.target.secret).toEqual({ authKey: 'authkey-1', privKey: 'privkey-1' });
    const authOnly = parseProbeOptions('sw1', { ...defaults, user: 'ops', authKeyEnv: 'A' }, { A: 'authkey-1' });
    expect(authOnly.target.device.snmp?.level).toBe('authNoPriv');
  });

  it.each([
    ['an unset variable', 'h', { communityEnv: 'NOPE' }, 'environment variable NOPE is not set'],
    ['a bad port', 'h', { port: '0' }, '--port'],
    ['a bad version', 'h', { version: '4' }, '--version'],
    ['authPriv without a privacy key', 'h', { user: 'u', authKeyEnv: 'A', level: 'authPriv' }, 'needs --priv-key-env'],
    ['v3 keys with v2c', 'h', { version: '2c', user: 'u' }, 'SNMPv3'],
    ['a host that is not one', 'bad host!', {}, 'HOST'],
    ['an interval of 0', 'h', { interval: '0' }, '--interval'],
  ])('refuses %s with a message naming it', (_what, host, over, message) => {
    expect(() => parseProbeOptions(host, { ...defaults, ...over }, { A: 'authkey-1' })).toThrow(ProbeUsageError);
    expect(() => parseProbeOptions(host, { ...defaults, ...over }, { A: 'authkey-1' })).toThrow(message);
  });
});
