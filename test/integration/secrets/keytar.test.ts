import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../src/main/core/secrets/keytar-secret-store';
import { missingPeer } from '../../helpers/peer';

// scripts/test.sh runs the suite inside a private D-Bus session with an unlocked gnome-keyring; outside of
// one (a developer's ad-hoc run) there is no Secret Service to talk to.
const bus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

describe('OS keychain through keytar (Secret Service)', () => {
  it.skipIf(missingPeer('Secret Service', bus ? null : 'no D-Bus session bus: run through npm test (scripts/test.sh starts one with gnome-keyring)'))('stores, reads and deletes a secret', async () => {
    const store = new KeytarSecretStore(`vigie-test-${randomUUID()}`);
    expect(await store.status()).toEqual({ available: true, message: null });
    await store.set('device:nas', '{"community":"kc-secret"}');
    expect(await store.get('device:nas')).toBe('{"community":"kc-secret"}');
    await store.set('device:nas', '{"community":"rotated"}');
    expect(await store.get('device:nas')).toBe('{"community":"rotated"}');
    await store.delete('device:nas');
    expect(await store.get('device:nas')).toBeNull();
  });

  it('says plainly when there is no session bus, without crashing', () => {
    // A child without any D-Bus address: keytar must fail with an explanation the UI can show.
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import { KeytarSecretStore } from './src/main/core/secrets/keytar-secret-store.ts';
         const s = new KeytarSecretStore('vigie-test-nobus');
         console.log(JSON.stringify(await s.status()));
         await s.set('x', 'y').then(() => console.log('stored'), (e) => console.log('refused: ' + e.message));`,
      ],
      { env, encoding: 'utf8', cwd: new URL('../../..', import.meta.url).pathname, timeout: 60_000 },
    );
    const [statusLine, setLine] = r.stdout.trim().split('\n');
    const status = JSON.parse(statusLine ?? '{}') as { available: boolean; message: string };
    expect(status.available).toBe(false);
    expect(status.message).toMatch(/D-Bus|keychain/);
    expect(setLine).toMatch(/^refused: .*(D-Bus|keychain)/);
  });
});
