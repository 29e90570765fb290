// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../shared/contract/events';
import { renderUi } from '../test-support/render-ui';
import { EventLine } from './event-line';

afterEach(cleanup);

describe('EventLine (issue 17 item 15)', () => {
  it('dates an event of today, not only its time, in English and French', () => {
    const at = Date.now();
    const event: EventRecord = {
      id: 1,
      at,
      deviceId: null,
      deviceName: null,
      severity: 'info',
      kind: 'audit',
      message: 'Device added: core-sw (snmp 192.0.2.8) (by web login from 127.0.0.1)',
    };
    const d = new Date(at);
    renderUi(<EventLine event={event} />);
    // en-US short date: M/D/YY.
    expect(screen.getByText(`${d.getMonth() + 1}/${d.getDate()}/${String(d.getFullYear()).slice(2)}`, { exact: false })).toBeTruthy();
    cleanup();
    renderUi(<EventLine event={event} />, 'fr');
    const fr = `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
    expect(screen.getByText(fr, { exact: false })).toBeTruthy();
  });
});
