import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';

describe('single DES through 3DES with K1 = K2 = K3', () => {
  it('gives the FIPS 81 CBC example ciphertext', () => {
    // FIPS 81 Appendix C: key 0123456789abcdef, IV 1234567890abcdef, "Now is the time for all ".
    const key = Buffer.from('0123456789abcdef', 'hex');
    const cipher = crypto.createCipheriv('des-ede3-cbc', Buffer.concat([key, key, key]), Buffer.from('1234567890abcdef', 'hex'));
    cipher.setAutoPadding(false);
    const out = Buffer.concat([cipher.update(Buffer.from('Now is the time for all ')), cipher.final()]);
    expect(out.toString('hex')).toBe('e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6');
  });
});
