import { describe, expect, it } from 'vitest';
import { change } from './test-changes';
import { webhookBody, webhookTarget, webhookUrlProblem } from './webhook-body';

describe('webhook body', () => {
  it('carries the change fields, its message as code + params, and a Slack/Teams text line', () => {
    const body = webhookBody(change({ deviceName: 'esx-01', severity: 'critical' }), 'en');
    expect(body).toEqual({
      at: Date.UTC(2026, 11, 3, 8, 30),
      deviceId: 'esx-01',
      deviceName: 'esx-01',
      group: 'vmware',
      checkId: 'cpu-high',
      severity: 'critical',
      previous: 'ok',
      state: 'critical',
      affected: [],
      kind: 'problem',
      message: { code: 'state.changed', params: { device: 'esx-01', state: 'CRITICAL', detail: 'CPU 92 %' } },
      language: 'en',
      text: 'CRITICAL esx-01: esx-01 is CRITICAL: CPU 92 %',
    });
  });

  it('formats the text in French with the affected devices of an incident', () => {
    const body = webhookBody(
      change({ deviceName: 'ups-1', severity: 'ok', text: { code: 'state.ok-again', params: { device: 'ups-1' } }, affected: ['esx-01', 'esx-02'] }),
      'fr',
    );
    expect(body.text).toBe('OK ups-1 : ups-1 est de nouveau OK (Touchés : esx-01, esx-02)');
  });

  it('refuses anything but http(s) and logs only the host', () => {
    expect(webhookUrlProblem('https://hooks.slack.com/services/T0/B0/secret')).toBeNull();
    expect(webhookUrlProblem('file:///etc/passwd')).toMatch(/file: URLs are refused/);
    expect(webhookUrlProblem('http://user:pw@example.com/')).toMatch(/credentials/);
    expect(webhookTarget('https://outlook.office.com/webhook/abc?token=s3cret')).toBe('outlook.office.com');
  });
});
