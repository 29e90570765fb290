/**
 * Names of the server calls checks depend on beyond the inventory read. A check lists them in `needs`; the
 * collector records a failure under the same name, and the runner turns it into `unsupported` or `error`.
 */
export const CALLS = {
  events: 'EventManager.CreateCollectorForEvents',
  perf: 'PerformanceManager.QueryPerf',
  tasks: 'TaskManager.CreateCollectorForTasks',
  hostClock: 'HostDateTimeSystem.QueryDateTime',
  vmkernelLog: 'DiagnosticManager.BrowseDiagnosticLog',
  applianceServices: 'vCenter REST API GET /api/vcenter/services',
  applianceHealth: 'vCenter REST API GET /api/appliance/health',
  licenses: 'LicenseManager.licenses',
  alarmNames: 'Alarm.info (names of triggered alarms)',
} as const;
