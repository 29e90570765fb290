import { describe, expect, it } from 'vitest';
import { PollError } from '../source';
import { DiagnosisMemory, REDIAGNOSE_AFTER_MS } from './diagnosis-memory';

const COMMUNITY = 'The agent on 10.0.0.1:161 is alive but does not answer this community (wrong community, or this address is not allowed)';
const REFUSED = 'Nothing answers SNMP on 10.0.0.1:161 (port closed: ICMP port unreachable)';

function setup(): { memory: DiagnosisMemory; clock: { now: () => number; at: number }; asked: () => number; answer: (e: PollError) => () => Promise<PollError> } {
  const clock = { at: 1_000_000, now: (): number => clock.at };
  let count = 0;
  return {
    memory: new DiagnosisMemory(clock),
    clock,
    asked: () => count,
    answer: (e) => () => {
      count++;
      return Promise.resolve(e);
    },
  };
}

const live = (): AbortSignal => new AbortController().signal;

describe('DiagnosisMemory: a device that keeps timing out is diagnosed once per interval', () => {
  it('diagnoses the first timeout, then reuses that cause (same stage and words) without asking again', async () => {
    const { memory, asked, answer, clock } = setup();
    const first = await memory.explain(live(), answer(new PollError('community', COMMUNITY)));
    expect(asked()).toBe(1);
    expect([first.stage, first.message]).toEqual(['community', COMMUNITY]);
    clock.at += 60_000;
    const second = await memory.explain(live(), answer(new PollError('timeout', 'not asked')));
    expect(asked()).toBe(1);
    expect(second).toBeInstanceOf(PollError);
    expect([second.stage, second.message]).toEqual(['community', COMMUNITY]);
  });

  it('asks again once the device has answered in between', async () => {
    const { memory, asked, answer } = setup();
    await memory.explain(live(), answer(new PollError('refused', REFUSED)));
    memory.forget();
    const after = await memory.explain(live(), answer(new PollError('community', COMMUNITY)));
    expect(asked()).toBe(2);
    expect(after.stage).toBe('community');
  });

  it('asks again when the interval has passed, so a changed cause reaches the message', async () => {
    const { memory, asked, answer, clock } = setup();
    await memory.explain(live(), answer(new PollError('refused', REFUSED)));
    clock.at += REDIAGNOSE_AFTER_MS - 1;
    expect((await memory.explain(live(), answer(new PollError('community', COMMUNITY)))).stage).toBe('refused');
    expect(asked()).toBe(1);
    clock.at += 1;
    const changed = await memory.explain(live(), answer(new PollError('community', COMMUNITY)));
    expect(asked()).toBe(2);
    expect([changed.stage, changed.message]).toEqual(['community', COMMUNITY]);
    // The new cause is the one remembered from now on.
    clock.at += 60_000;
    expect((await memory.explain(live(), answer(new PollError('refused', REFUSED)))).stage).toBe('community');
    expect(asked()).toBe(2);
  });

  it('does not remember a diagnosis cut short by the poll deadline', async () => {
    const { memory, asked, answer } = setup();
    const controller = new AbortController();
    controller.abort('run timed out');
    const cut = await memory.explain(controller.signal, answer(new PollError('timeout', 'No SNMP answer from 10.0.0.1:161 (timeout)')));
    expect(cut.stage).toBe('timeout');
    const next = await memory.explain(live(), answer(new PollError('community', COMMUNITY)));
    expect(asked()).toBe(2);
    expect(next.stage).toBe('community');
  });

  it('asks again when the clock was set back (the diagnosis is not from the future)', async () => {
    const { memory, asked, answer, clock } = setup();
    await memory.explain(live(), answer(new PollError('refused', REFUSED)));
    clock.at -= 3_600_000;
    await memory.explain(live(), answer(new PollError('refused', REFUSED)));
    expect(asked()).toBe(2);
  });
});
