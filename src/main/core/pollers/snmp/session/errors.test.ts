import snmp from 'net-snmp';
import { describe, expect, it } from 'vitest';
import { PollError } from '../../source';
import { toPollError } from './errors';
import { discoveryPacket } from './alive-probe';
import { peekVersion } from './guarded-dgram';

/** net-snmp's timeout error, as it builds it (the class is not in @types/net-snmp). */
const timedOut = (): Error => Object.assign(new Error('Request timed out'), { name: 'RequestTimedOutError' });

describe('toPollError', () => {
  const t = '192.0.2.1:161';
  it.each([
    [timedOut(), null, 'timeout'],
    [timedOut(), 'bad tag', 'protocol'],
    [new snmp.ResponseInvalidError('Unknown User Name', snmp.ResponseInvalidCode.EAuthFailure), null, 'auth'],
    [new snmp.ResponseInvalidError('Wrong Digest (incorrect password, community or key)', snmp.ResponseInvalidCode.EAuthFailure), null, 'auth'],
    [new snmp.ResponseInvalidError('Decryption Error', snmp.ResponseInvalidCode.EAuthFailure), null, 'privacy'],
    [new snmp.ResponseInvalidError('Failed to decrypt PDU: bad', snmp.ResponseInvalidCode.ECouldNotDecrypt), null, 'privacy'],
    [new snmp.RequestFailedError('AuthorizationError: 1.3.6', 16), null, 'permission'],
    [new snmp.RequestFailedError('TooBig', 1), null, 'protocol'],
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), null, 'refused'],
    ['a string', null, 'protocol'],
  ] as const)('%s → %s', (error, malformed, stage) => {
    const mapped = toPollError(error, t, malformed);
    expect(mapped).toBeInstanceOf(PollError);
    expect(mapped.stage).toBe(stage);
    expect(mapped.message).toContain(t);
  });
});

describe('SNMP header helpers', () => {
  it('builds an SNMPv3 discovery message whose version reads back as 3', () => {
    const p = discoveryPacket(123456);
    expect(peekVersion(p)).toBe(3);
    expect(p.includes(Buffer.from([0x02, 0x03, 0x01, 0xe2, 0x40]))).toBe(true);
  });
  it('reads v1/v2c versions and refuses what is not an SNMP header', () => {
    expect(peekVersion(Buffer.from('302902010104067075626c6963', 'hex'))).toBe(1);
    expect(peekVersion(Buffer.from('302902010004067075626c6963', 'hex'))).toBe(0);
    expect(peekVersion(Buffer.from('hello world'))).toBeNull();
  });
});
