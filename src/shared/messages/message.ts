import { z } from 'zod';
import { UnitSchema } from '../contract/common';
import type { Unit } from '../units';

/**
 * A message recorded by the core as a code and its parameters, formatted where it is read (UI, mail,
 * report, notification) in the reader's language. A parameter is text, a number, or a measured value with
 * its unit so that "92 %" or "1,5 Go" follow the reader's locale through the one unit formatter.
 */
/**
 * A parameter may itself be a message (a check's label inside a tile's "{label}: {detail}"), formatted in
 * the same language.
 */
export type MessageParam = string | number | null | { value: number; unit: Unit } | { code: string; params: Record<string, MessageParam> };

const CodeSchema = z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9.-]*$/);

export const MessageParamSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string().max(2000),
    z.number(),
    z.null(),
    z.strictObject({ value: z.number(), unit: UnitSchema }),
    z.strictObject({ code: CodeSchema, params: z.record(z.string(), MessageParamSchema) }),
  ]),
);

export const MessageSchema = z.strictObject({
  code: CodeSchema,
  params: z.record(z.string(), MessageParamSchema).default({}),
});
export type Message = z.infer<typeof MessageSchema>;
export type MessageInput = z.input<typeof MessageSchema>;

export function msg(code: string, params: Record<string, MessageParam> = {}): Message {
  return { code, params };
}

/** "a, b, c" as nested messages, so that each item is formatted in the reader's language. */
export function msgList(items: readonly Message[]): Message {
  if (items.length === 0) throw new Error('msgList needs at least one item');
  return items.slice(0, -1).reduceRight<Message>((rest, first) => msg('list.next', { first, rest }), items[items.length - 1]!);
}
