import { describe, expect, it } from 'vitest';
import type { CheckState } from '../../../shared/contract/devices';
import { formatMessage } from '../../../shared/messages/format-message';
import { msg } from '../../../shared/messages/message';
import { tileEnglish, tileText } from './tile-text';

const reported = (id: string, text: string): CheckState => ({
  id,
  label: 'Reported by the device',
  labelText: msg('check.device-problem'),
  state: 'critical',
  message: text,
  text: msg('check.problem', { text }),
  value: null,
  since: 0,
});

describe('tile line', () => {
  it('names each problem a device reports by its own words, not "Reported by the device" three times', () => {
    const bad = [reported('p1', 'Fan 2 failed'), reported('p2', 'PSU 1 failed'), reported('p3', 'Disk 0a.17 failed')];
    expect(tileEnglish(bad)).toBe('3 problems: Fan 2 failed; PSU 1 failed; Disk 0a.17 failed');
    const text = formatMessage(tileText(bad)!, 'fr');
    expect(text).toContain('Fan 2 failed ; PSU 1 failed ; Disk 0a.17 failed');
    expect(text).not.toContain('Signalé');
  });

  it('keeps "label: detail" for a single problem', () => {
    expect(tileEnglish([reported('p1', 'Fan 2 failed')])).toBe('Reported by the device: Fan 2 failed');
  });
});
