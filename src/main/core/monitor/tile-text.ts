import type { CheckState } from '../../../shared/contract/devices';
import { msg, type Message } from '../../../shared/messages/message';

export const DEVICE_PROBLEM_CODE = 'check.device-problem';

export function isDeviceProblem(c: CheckState): boolean {
  return c.labelText?.code === DEVICE_PROBLEM_CODE;
}

/** The English line for the log and older readers, with the same rule as `tileText`. */
export function tileEnglish(bad: readonly CheckState[]): string | null {
  if (bad.length === 0) return null;
  if (bad.length === 1) return `${bad[0]!.label}: ${bad[0]!.message}`;
  return `${bad.length} problems: ${bad.map((c) => (isDeviceProblem(c) ? c.message : c.label)).join('; ')}`;
}

/**
 * A tile's line as a code, from the checks that are not OK: "Label: detail" for one, "N problems: a; b"
 * for several. A check recorded before codes existed brings its English words as plain text.
 */
export function tileText(bad: readonly CheckState[]): Message | null {
  // A problem the device reports itself is labelled "Reported by the device": in a list its words say more.
  const label = (c: CheckState): Message =>
    isDeviceProblem(c) ? (c.text ?? msg('text.plain', { text: c.message })) : (c.labelText ?? msg('text.plain', { text: c.label }));
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
