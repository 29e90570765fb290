import { describe, expect, it } from 'vitest';
import { formatMessage } from './format-message';
import { msg, MessageSchema } from './message';

describe('a message inside a message', () => {
  it('formats the inner message in the same language and locale', () => {
    const m = msg('device.problem-one', {
      label: msg('rule.filesystem', { instance: '/var', where: ' (/var)' }),
      detail: msg('check.threshold', { value: { value: 97.5, unit: 'percent' }, op: '>', threshold: { value: 95, unit: 'percent' } }),
    });
    expect(formatMessage(m, 'en', 'en-US')).toBe('Filesystem used (/var): 97.5% > 95%');
    expect(formatMessage(m, 'fr', 'fr-FR').replace(/[\u00a0\u202f]/g, ' ')).toBe('Système de fichiers utilisé (/var) : 97,5 % > 95 %');
  });

  it('crosses the contract: the schema accepts nested messages and refuses a bad inner code', () => {
    const inner = msg('rule.cpu', { where: '' });
    expect(MessageSchema.parse({ code: 'device.problem-many', params: { count: 2, labels: msg('device.problem-list', { first: inner, rest: inner }) } })).toBeTruthy();
    expect(MessageSchema.safeParse({ code: 'device.problem-one', params: { label: { code: 'Bad Code', params: {} } } }).success).toBe(false);
  });
});
