// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestResult } from '../../../../shared/contract/devices';
import { renderUi } from '../../test-support/render-ui';
import { TestResultView } from './test-result-view';

afterEach(cleanup);

const ok = (family: string, identity: Record<string, string | number | null>): TestResult => ({
  ok: true,
  stage: 'ok',
  message: '',
  durationMs: 120,
  detected: { family, identity },
  certificate: null,
});

const shown = (): Record<string, string> => {
  const dts = [...document.querySelectorAll('dt')];
  return Object.fromEntries(dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']));
};

describe('TestResultView identity (issue 17 item 9)', () => {
  it('labels a vCenter test result as the device page does, never "vmsTotal"', () => {
    renderUi(<TestResultView result={ok('vsphere', { product: 'VMware vCenter Server 7.0.3', vmsTotal: 1204 })} onTrust={() => undefined} busy={false} />);
    expect(shown()).toEqual({ Product: 'VMware vCenter Server 7.0.3', 'Virtual machines': '1,204' });
    expect(screen.queryByText('vmsTotal')).toBeNull();
  });

  it('shows an SNMP agent uptime as a duration, in French too', () => {
    renderUi(<TestResultView result={ok('linux', { sysName: 'db-01', sysUpTime: 12276631.19 })} onTrust={() => undefined} busy={false} />, 'fr');
    expect(shown()).toEqual({ Nom: 'db-01', 'Durée de fonctionnement': '142j 2h' });
  });
});
