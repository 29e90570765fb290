import { describe, expect, it } from 'vitest';
import { formatMessage, isKnownCode } from '../../shared/messages/format-message';
import { msg } from '../../shared/messages/message';
import { DEFAULT_FAMILIES } from './default-catalog';

/** Issue 14 item 9: every default rule label is a code, so the reader sees it in their language. */
describe('default rule labels', () => {
  const rules = DEFAULT_FAMILIES.flatMap((f) => f.rules.map((r) => ({ family: f.descriptor.id, rule: r })));

  it('walks every family of the build', () => {
    expect(DEFAULT_FAMILIES.length).toBeGreaterThan(10);
    expect(rules.length).toBeGreaterThan(40);
  });

  it.each(rules.map((r) => [`${r.family}/${r.rule.id}`, r.rule] as const))('%s has a known label code in English and French', (_, rule) => {
    expect(rule.labelCode, 'labelCode').toBeDefined();
    const code = rule.labelCode ?? '';
    expect(isKnownCode(code), code).toBe(true);
    const en = formatMessage(msg(code, { where: '' }), 'en');
    const fr = formatMessage(msg(code, { where: '' }), 'fr');
    expect(en.length).toBeGreaterThan(1);
    expect(fr.length).toBeGreaterThan(1);
    expect(fr).not.toContain('{');
  });

  it('names the instance in both languages', () => {
    expect(formatMessage(msg('rule.filesystem', { where: ' (/var)' }), 'fr')).toBe('Système de fichiers utilisé (/var)');
    expect(formatMessage(msg('rule.ups-replace-battery', { where: '' }), 'fr')).toBe('Batterie à remplacer');
    expect(formatMessage(msg('rule.cpu', { where: '' }), 'fr')).toBe('Utilisation CPU');
  });
});
