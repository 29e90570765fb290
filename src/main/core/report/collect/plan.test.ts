import { describe, expect, it } from 'vitest';
import { REPORT_CHECKS } from '../checks/index';
import { CALLS } from '../calls';
import { buildPlan, mergeSelections } from './plan';

const enabled = (ids: string[], thresholds: Record<string, Record<string, number>> = {}) =>
  REPORT_CHECKS.filter((c) => ids.includes(c.id)).map((check) => ({ check, thresholds: { ...check.defaults, ...thresholds[check.id] } }));

describe('collection plan', () => {
  it('asks only for what the enabled checks declare, plus names and parents', () => {
    const plan = buildPlan(enabled(['datastores-low-free']));
    expect(plan.properties.find((p) => p.type === 'Datastore')?.paths).toEqual(['host', 'name', 'parent', 'summary']);
    expect(plan.properties.find((p) => p.type === 'VirtualMachine')?.paths).toEqual(['config.template', 'name', 'parent', 'runtime.host', 'runtime.powerState']);
    expect(plan.typedEvents).toBeNull();
    expect(plan.allEvents).toBeNull();
    expect(plan.perf).toBeNull();
    expect([...plan.calls]).toEqual([]);
  });
  it('one typed event read over the widest window, one untyped read for error events, perf and calls', () => {
    const plan = buildPlan(enabled(['vms-created', 'vms-removed', 'drs-migrations', 'vcenter-errors', 'vm-cpu-usage', 'ntp'], { 'vms-removed': { days: 9 } }));
    expect(plan.typedEvents).toEqual({
      types: ['DrsVmMigratedEvent', 'VmClonedEvent', 'VmCreatedEvent', 'VmDeployedEvent', 'VmRegisteredEvent', 'VmRemovedEvent'],
      days: 9,
    });
    expect(plan.allEvents).toEqual({ days: 1 });
    expect(plan.perf).toEqual({ counters: ['cpu.usage.average'], entity: 'VirtualMachine', days: 1 });
    expect([...plan.calls]).toEqual([CALLS.hostClock]);
    expect(plan.properties.find((p) => p.type === 'HostSystem')?.paths).toContain('config.dateTimeInfo');
  });
  it('a property under one already read is not asked twice', () => {
    expect(mergeSelections([[{ type: 'Datastore', paths: ['summary', 'summary.type', 'name'] }]])).toEqual([{ type: 'Datastore', paths: ['name', 'summary'] }]);
  });
});
