import type { CheckState } from '../../../shared/contract/devices';
import { msg, type Message } from '../../../shared/messages/message';

/**
 * A tile's line as a code, from the checks that are not OK: "Label: detail" for one, "N problems: a; b"
 * for several. A check recorded before codes existed brings its English words as plain text.
 */
export function tileText(bad: readonly CheckState[]): Message | null {
  const label = (c: CheckState): Message => c.labelText ?? msg('text.plain', { text: c.label });
  if (bad.length === 0) return null;
  if (bad.length === 1) {
    const c = bad[0]!;
    return msg('device.problem-one', { label: label(c), detail: c.text ?? msg('text.plain', { text: c.message }) });
  }
  // The list is a chain of "{first}; {rest}" so that each label keeps its own code.
  const last = label(bad[bad.length - 1]!);
  const labels = bad.slice(0, -1).reduceRight<Message>((rest, c) => msg('device.problem-list', { first: label(c), rest }), last);
  return msg('device.problem-many', { count: bad.length, labels });
}
