import crypto from 'node:crypto';
import snmp from 'net-snmp';

/**
 * SNMPv3 DES privacy (RFC 3414 §8, CBC-DES) for old gear, on runtimes whose OpenSSL 3 no longer offers
 * 'des-cbc' without the legacy provider (Node 20 here: "digital envelope routines::unsupported").
 * Triple DES with K1 = K2 = K3 is single DES (E_K ∘ D_K ∘ E_K = E_K), and 'des-ede3-cbc' is in OpenSSL's
 * default provider, so the same bytes come out. Installed once, only when 'des-cbc' is missing.
 */
interface UsmEngine {
  engineID: Buffer;
}
interface NetSnmpCrypto {
  Authentication: { passwordToKey(authProtocol: number, password: string, engineID: Buffer): Buffer };
  Encryption: {
    algorithms: Record<
      number,
      {
        encryptPdu: (pdu: Buffer, privProtocol: number, password: string, authProtocol: number, engine: UsmEngine) => { encryptedPdu: Buffer; msgPrivacyParameters: Buffer };
        decryptPdu: (pdu: Buffer, privProtocol: number, privParameters: Buffer, password: string, authProtocol: number, engine: UsmEngine) => Buffer;
      }
    >;
  };
}

const BLOCK = 8;

function available(algorithm: string, keyLength: number): boolean {
  try {
    crypto.createCipheriv(algorithm, Buffer.alloc(keyLength), Buffer.alloc(BLOCK));
    return true;
  } catch {
    return false;
  }
}

function keyAndPreIv(lib: NetSnmpCrypto, authProtocol: number, password: string, engineID: Buffer): { key: Buffer; preIv: Buffer } {
  const localized = lib.Authentication.passwordToKey(authProtocol, password, engineID);
  const key = localized.subarray(0, BLOCK);
  return { key: Buffer.concat([key, key, key]), preIv: Buffer.from(localized.subarray(BLOCK, 2 * BLOCK)) };
}

function xor(a: Buffer, b: Buffer): Buffer {
  const out = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}

let installed: 'native' | 'ede3' | 'unavailable' | null = null;

export function ensureDesPrivacy(): 'native' | 'ede3' | 'unavailable' {
  if (installed) return installed;
  if (available('des-cbc', 8)) return (installed = 'native');
  if (!available('des-ede3-cbc', 24)) return (installed = 'unavailable');
  const lib = snmp as unknown as NetSnmpCrypto;
  const des = lib.Encryption.algorithms[snmp.PrivProtocols.des];
  if (!des) return (installed = 'unavailable');
  des.encryptPdu = (scopedPdu, _privProtocol, password, authProtocol, engine) => {
    const { key, preIv } = keyAndPreIv(lib, authProtocol, password, engine.engineID);
    // Salt: local engine boots (1: no persistent state) then 32 random bits, as net-snmp does.
    const salt = Buffer.concat([Buffer.from([0, 0, 0, 1]), crypto.randomBytes(4)]);
    const padded = Buffer.alloc(Math.ceil(scopedPdu.length / BLOCK) * BLOCK);
    scopedPdu.copy(padded);
    const cipher = crypto.createCipheriv('des-ede3-cbc', key, xor(preIv, salt));
    cipher.setAutoPadding(false);
    return { encryptedPdu: Buffer.concat([cipher.update(padded), cipher.final()]), msgPrivacyParameters: salt };
  };
  des.decryptPdu = (encryptedPdu, _privProtocol, privParameters, password, authProtocol, engine) => {
    const { key, preIv } = keyAndPreIv(lib, authProtocol, password, engine.engineID);
    if (encryptedPdu.length % BLOCK !== 0 || privParameters.length !== BLOCK) throw new Error('DES: bad ciphertext length');
    const decipher = crypto.createDecipheriv('des-ede3-cbc', key, xor(preIv, privParameters));
    decipher.setAutoPadding(false);
    return Buffer.concat([decipher.update(encryptedPdu), decipher.final()]);
  };
  return (installed = 'ede3');
}
