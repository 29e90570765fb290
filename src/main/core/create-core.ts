import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../shared/contract/dispatch';
import type { Handlers } from '../../shared/contract/api';
import type { AppInfo } from '../../shared/contract/settings';
import { createHandlers, METRICS_TOKEN_REF } from './api/handlers';
import { Catalog } from './families';
import { EventStore } from './events/event-store';
import { DeviceRegistry } from './inventory/device-registry';
import { Monitor } from './monitor/monitor';
import { AlertEngine } from './alerting/engine';
import { AlertingServiceImpl } from './alerting/alerting-service-impl';
import { createIncidentTracker } from './alerting/incidents';
import { maintenanceFor } from './alerting/maintenance';
import type { AlertNotifier, GuardPort } from './alerting/ports';
import { ReachabilityGuard } from './alerting/reachability-guard';
import { topologyCache } from './alerting/topology';
import { Scheduler } from './monitor/scheduler';
import type { FamilyModule, Source } from './pollers/source';
import type { Clock, EventSink, Logger, Notifier, Paths, SecretStore } from './ports';
import { MailService } from './mail/mail-service';
import { createNotificationRouter } from './alerting/notification-router';
import { createNotificationService } from './alerting/notification-service';
import { createAudit } from './audit/audit-trail';
import { resolveLang } from '../../shared/format/locale';
import { ReportScheduler } from './schedule/report-scheduler';
import { runAndMail } from './schedule/scheduled-run';
import { processMetricsText, prometheusChunks } from './prometheus';
import { ProcessStats } from './process-stats';
import { REPORT_CHECKS } from './report/checks/index';
import { ReportHistory } from './report/history';
import { chromiumPdf } from './report/render/chromium-pdf';
import type { PdfRenderer } from './report/render/pdf';
import type { ReportService } from './report/report-service';
import { ReportServiceImpl } from './report/report-service-impl';
import { runReport } from './report/run-report';
import type { SettingsStore } from './settings/settings-store';
import { GuardedMetricStore, type StoreIncident } from './store/guarded-metric-store';

export interface CoreOptions {
  paths: Paths;
  settings: SettingsStore;
  secrets: SecretStore;
  clock: Clock;
  sink: EventSink;
  notifier: Notifier;
  log: Logger;
  mode: AppInfo['mode'];
  version: string;
  families: readonly FamilyModule[];
  sources: Partial<Record<Source['kind'], Source>>;
  /** Extra notices for the user (e.g. from the host's own start-up). */
  notices?: string[];
  /** Check every response against the contract (tests). */
  validateResponses?: boolean;
  /** How many polls may run at once across all devices. */
  concurrency?: number;
  /** Prints reports to PDF: Electron's printToPDF in the shell; default the system Chromium. */
  pdf?: PdfRenderer;
  /** Vigie's own-network check before devices are recorded down; false: none (tests of single devices). */
  guard?: GuardPort | false;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  /** The daily report: profiles, runs, history and exports (`<data>/reports/`). */
  reports: ReportService;
  /** The one mail transport (reports, alerts): `mail.mailer` sends now, `mail.outbox` keeps and retries. */
  mail: MailService;
  /** The Prometheus exposition in chunks (the HTTP route writes them one event-loop turn apart). */
  metrics(): Iterable<string>;
  metricsTokenMatches(token: string): Promise<boolean>;
  info(): Promise<AppInfo>;
  /** Starts polling (the local device is added on the very first start). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const MAINTENANCE_EVERY_MS = 60_000;

/**
 * The composition root of everything that is not Electron: given the host's ports (settings, secrets, clock,
 * event sink, notifier, log), builds the store, the event log, the inventory, the monitor and the handlers.
 * The Electron shell and the headless server each call it with their own adapters.
 */
export function createCore(options: CoreOptions): Core {
  const { paths, settings, secrets, clock, sink, notifier, log } = options;
  mkdirSync(paths.dataDir, { recursive: true });
  // Damage found in the metric store (at open or in use) is told where the administrator looks; until the
  // event log is open, incidents wait in a list.
  const incidents: StoreIncident[] = [];
  let reportIncident = (incident: StoreIncident): void => void incidents.push(incident);
  const store = new GuardedMetricStore(join(paths.dataDir, 'metrics.db'), { onIncident: (i) => reportIncident(i) });
  const events = new EventStore(join(paths.dataDir, 'events.db'));
  const catalog = new Catalog(options.families, options.sources);
  const registry = new DeviceRegistry(settings, secrets, clock);
  const scheduler = new Scheduler({
    concurrency: options.concurrency ?? 64,
    onError: (id, error) => log.error('scheduled poll failed', { device: id, error: String(error) }),
  });
  // The router is built below with the mail service; nothing is notified before start().
  const alertNotifier: AlertNotifier = { send: (change) => notificationRouter.send(change) };
  const topology = topologyCache(
    () => registry.list(),
    () => new Map(registry.list().map((c) => [c.id, monitor.snapshot(c.id)])),
    clock,
  );
  const incidentTracker = createIncidentTracker({
    topology,
    clock,
    log,
    send: (change) => alertNotifier.send(change),
    // A held incident notice obeys the root's maintenance window like every other notification.
    mayNotify: (id, group, at) => !maintenanceFor(settings.get().alerting.maintenance, { id, group }, at),
  });
  const alerts = new AlertEngine({
    store: events.alertChecks,
    config: () => settings.get().alerting,
    defaults: (family) => catalog.rules(family),
    notifier: alertNotifier,
    incidents: incidentTracker,
    log,
    onActiveChanged: (active) => sink.emit('alerts:changed', { active }),
  });
  const guard = options.guard === false ? undefined : (options.guard ?? new ReachabilityGuard({ settings: () => settings.get().alerting.settings, clock, log }));
  const monitor = new Monitor({ registry, catalog, store, events, sink, alerts, ...(guard ? { guard } : {}), clock, log, scheduler });
  const reports = new ReportServiceImpl({
    settings,
    devices: registry,
    history: new ReportHistory(join(paths.dataDir, 'reports'), log),
    runner: runReport,
    pdf: options.pdf ?? chromiumPdf(),
    checks: REPORT_CHECKS,
    clock,
    log,
  });
  const startedAt = clock.now();
  const notices = [...settings.notices, ...(options.notices ?? [])];
  reportIncident = (incident) => {
    log.error('metric store damaged', { message: incident.message, movedTo: incident.movedTo });
    notices.push(incident.message);
    sink.emit(
      'events:appended',
      events.append({ at: clock.now(), deviceId: null, deviceName: null, severity: 'critical', kind: 'system', message: incident.message, text: incident.text }),
    );
  };
  for (const incident of incidents.splice(0)) reportIncident(incident);

  const info = async (): Promise<AppInfo> => {
    const status = await secrets.status();
    return {
      name: 'Vigie',
      version: options.version,
      mode: options.mode,
      startedAt,
      secrets: { backend: secrets.backend, available: status.available, message: status.message },
      notices,
    };
  };

  const mail = new MailService({ dataDir: paths.dataDir, settings, secrets, clock, log });
  // The alerting engine's AlertNotifier: every notify-worthy change goes through the saved channels.
  const notificationRouter = createNotificationRouter({
    channels: () => settings.get().notificationChannels,
    mode: options.mode,
    mail,
    notifier,
    sink,
    clock,
    log,
    language: () => resolveLang(settings.get().language, [Intl.DateTimeFormat().resolvedOptions().locale]),
  });
  const notifications = createNotificationService({ settings, router: notificationRouter, audit: createAudit({ events, sink, clock, log }) });
  const schedule = new ReportScheduler({
    clock,
    log,
    statePath: join(paths.dataDir, 'schedule.json'),
    profiles: () => reports.profiles(),
    run: async (profile) => {
      await runAndMail({ reports, send: (m) => mail.outbox.submit(m), clock, log }, profile);
    },
  });
  const alerting = new AlertingServiceImpl({
    settings,
    engine: alerts,
    store,
    clock,
    audit: createAudit({ events, sink, clock, log }),
    families: () => catalog.familyIds(),
    device: (id) => {
      const config = registry.list().find((c) => c.id === id);
      return config ? { name: config.name, family: monitor.familyOf(id) ?? config.detectedFamily ?? config.family } : null;
    },
    incidents: incidentTracker,
  });
  const handlers = createHandlers({ registry, monitor, store, events, settings, secrets, catalog, clock, log, info, mail, schedule, reports, sink, notifications, alerting });
  // Every renderer follows a run, whichever one (or the CLI, or the schedule) started it.
  reports.onProgress((p) => sink.emit('reports:progress', p));
  const dispatch = createDispatcher(handlers, {
    validateResponses: options.validateResponses ?? false,
    onUnexpectedError: (channel, error) => log.error('call failed', { channel, error: String((error as Error)?.stack ?? error) }),
  });

  let maintenance: NodeJS.Timeout | null = null;
  const processStats = new ProcessStats();
  const maintain = (): void => {
    try {
      store.maintain(clock.now());
      events.prune(clock.now());
    } catch (error) {
      log.error('store maintenance failed', { error: (error as Error).message });
    }
  };

  return {
    handlers,
    dispatch,
    reports,
    mail,
    info,
    *metrics() {
      yield* prometheusChunks(monitor.list(), (deviceId) => store.latest(deviceId));
      yield processMetricsText(processStats.read());
    },
    async metricsTokenMatches(token) {
      if (!settings.get().metricsTokenSet) return false;
      const expected = await secrets.get(METRICS_TOKEN_REF).catch(() => null);
      if (!expected) return false;
      const a = Buffer.from(token);
      const b = Buffer.from(expected);
      return a.length === b.length && timingSafeEqual(a, b);
    },
    async start() {
      if (!settings.get().localDeviceSeeded) {
        if (!registry.list().some((d) => d.kind === 'local')) {
          await registry
            .add({
              name: 'This computer',
              kind: 'local',
              family: 'this-computer',
              host: 'localhost',
              port: null,
              intervalSeconds: 10,
              enabled: true,
              snmp: null,
              vsphere: null,
              http: null,
              watchedProcesses: [],
              parentId: null,
            })
            .catch((error: unknown) => log.error('could not add This computer', { error: String(error) }));
        }
        settings.update((s) => ({ ...s, localDeviceSeeded: true }));
      }
      monitor.start();
      mail.start();
      schedule.start();
      maintenance = setInterval(maintain, MAINTENANCE_EVERY_MS);
      maintenance.unref();
      processStats.start();
      log.info('core started', { devices: registry.list().length, mode: options.mode });
    },
    async stop() {
      if (maintenance) clearInterval(maintenance);
      processStats.stop();
      await monitor.stop();
      incidentTracker.dispose();
      await schedule.stop();
      // Pending grouped alert mails go to the outbox before it stops.
      await notificationRouter.stop();
      await mail.stop();
      store.close();
      events.close();
    },
  };
}
