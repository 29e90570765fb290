import type { Handlers } from '../../../shared/contract/api';
import { changedFields, createAudit } from '../audit/audit-trail';
import type { DeviceInputParsed, TestResult } from '../../../shared/contract/devices';
import { VigieError } from '../../../shared/contract/envelope';
import type { AppInfo } from '../../../shared/contract/settings';
import type { Catalog } from '../families';
import type { EventStore } from '../events/event-store';
import type { DeviceRegistry } from '../inventory/device-registry';
import { exportDevices, importDevices } from '../inventory/import-export';
import type { Monitor } from '../monitor/monitor';
import type { ReportService } from '../report/report-service';
import { createReportHandlers } from './report-handlers';
import type { MailService } from '../mail/mail-service';
import { createMailHandlers } from './mail-handlers';
import type { AlertingService, NotificationService } from '../alerting/alerting-service';
import { createAlertingHandlers } from './alerting-handlers';
import { currentCaller } from '../audit/caller';
import type { ReportScheduler } from '../schedule/report-scheduler';
import type { Clock, EventSink, Logger, SecretStore } from '../ports';
import type { SettingsStore } from '../settings/settings-store';
import type { MetricStore } from '../store/metric-store';
import { msg, msgList } from '../../../shared/messages/message';

export interface HandlerDeps {
  registry: DeviceRegistry;
  monitor: Monitor;
  store: MetricStore;
  events: EventStore;
  settings: SettingsStore;
  secrets: SecretStore;
  catalog: Catalog;
  clock: Clock;
  log: Logger;
  info: () => Promise<AppInfo>;
  /** Where audit events go live to the renderers (they are in the event log either way). */
  sink?: EventSink;
  /** The daily report; absent where the host builds none (its calls then answer 'unavailable'). */
  reports?: ReportService;
  /** The mail transport (SMTP settings, test mail, outbox); absent: its calls answer 'unavailable'. */
  mail?: MailService;
  /** When the scheduled report profiles run next. */
  schedule?: ReportScheduler;
  /** Rules, problems, acknowledgements, maintenance (issue 14); absent: its calls answer 'unavailable'. */
  alerting?: AlertingService;
  /** Notification channels; absent: their calls answer 'unavailable'. */
  notifications?: NotificationService;
}

export const METRICS_TOKEN_REF = 'metrics-token';
const TEST_TIMEOUT_MS = 30_000;

/**
 * The core's implementation of every contract call. Thin: each one delegates to a service; validation of
 * the request already happened in the dispatcher.
 */
export function createHandlers(d: HandlerDeps): Handlers {
  const audit = createAudit(d);
  const testDevice = async (input: DeviceInputParsed, existingId?: string): Promise<TestResult> => {
    const started = d.clock.now();
    const fail = (stage: TestResult['stage'], message: string): TestResult => ({
      ok: false,
      stage,
      message,
      durationMs: d.clock.now() - started,
      detected: null,
      certificate: null,
    });
    const source = d.catalog.source(input.kind);
    if (!source) return fail('protocol', `No poller for ${input.kind} devices in this version`);
    const { secret: given, ...device } = input;
    const hasGiven = !!given && Object.values(given).some((v) => v);
    const secret = hasGiven ? given : existingId ? await d.registry.secret(existingId) : null;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TEST_TIMEOUT_MS);
    try {
      return await source.test({ device, secret }, { clock: d.clock, log: d.log }, controller.signal);
    } catch (error) {
      return fail('internal', `Test failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };

  const uiSettings = () => {
    const s = d.settings.get();
    return { language: s.language, theme: s.theme, metricsTokenSet: s.metricsTokenSet };
  };

  return {
    'app:info': () => d.info(),
    'settings:get': () => Promise.resolve(uiSettings()),
    'settings:update': async (req) => {
      if (req.metricsToken !== undefined) {
        if (req.metricsToken === null) await d.secrets.delete(METRICS_TOKEN_REF).catch(() => undefined);
        else {
          const status = await d.secrets.status();
          if (!status.available) throw new VigieError('unavailable', `The token cannot be stored: ${status.message ?? 'no secret store'}`);
          await d.secrets.set(METRICS_TOKEN_REF, req.metricsToken);
        }
      }
      const before = uiSettings();
      d.settings.update((s) => ({
        ...s,
        ...(req.language ? { language: req.language } : {}),
        ...(req.theme ? { theme: req.theme } : {}),
        ...(req.metricsToken !== undefined ? { metricsTokenSet: req.metricsToken !== null } : {}),
      }));
      const after = uiSettings();
      const changes = [
        ...(before.language !== after.language ? [`language ${after.language}`] : []),
        ...(before.theme !== after.theme ? [`theme ${after.theme}`] : []),
        // Never the token itself: only that it was set, replaced or cleared.
        ...(req.metricsToken === undefined ? [] : [req.metricsToken === null ? 'metrics token cleared' : 'metrics token set']),
      ];
      const codedChanges = [
        ...(before.language !== after.language ? [msg('setting.language', { value: msg(`language.${after.language}`) })] : []),
        ...(before.theme !== after.theme ? [msg('setting.theme', { value: msg(`theme.${after.theme}`) })] : []),
        ...(req.metricsToken === undefined ? [] : [msg(req.metricsToken === null ? 'setting.metrics-token-cleared' : 'setting.metrics-token-set')]),
      ];
      if (codedChanges.length) audit({ what: `Settings changed: ${changes.join(', ')}`, text: msg('audit.settings-changed', { changes: msgList(codedChanges) }) });
      return after;
    },
    'devices:list': () => Promise.resolve(d.monitor.list()),
    'devices:get': (req) => {
      d.registry.get(req.id);
      return Promise.resolve(d.monitor.detail(req.id));
    },
    'devices:add': async (req) => {
      const device = await d.registry.add(req);
      d.monitor.track(device);
      audit({ what: `Device added: ${device.name} (${device.kind} ${device.host})`, text: msg('audit.device-added', { device: device.name, kind: device.kind, host: device.host }), device });
      return d.monitor.summary(device.id);
    },
    'devices:update': async (req) => {
      const before = d.registry.get(req.id);
      const device = await d.registry.update(req.id, req.device);
      await d.monitor.reconfigure(device);
      const fields = changedFields(before, device);
      audit({
        what: `Device edited: ${device.name}${fields.length ? ` (${fields.join(', ')})` : ''}`,
        text: fields.length ? msg('audit.device-edited-fields', { device: device.name, fields: fields.join(', ') }) : msg('audit.device-edited', { device: device.name }),
        device,
      });
      return d.monitor.summary(device.id);
    },
    'devices:remove': async (req) => {
      const device = d.registry.find(req.id);
      const removed = await d.registry.remove(req.id);
      if (removed) {
        if (device)
          audit({
            what: `Device removed: ${device.name} (${device.kind} ${device.host})`,
            text: msg('audit.device-removed', { device: device.name, kind: device.kind, host: device.host }),
          });
        await d.monitor.untrack(req.id);
      }
      return { removed };
    },
    'devices:test': (req) => {
      if (req.id) d.registry.get(req.id);
      return testDevice(req.device, req.id);
    },
    'devices:poll': (req) => {
      d.registry.get(req.id);
      return d.monitor.pollNow(req.id);
    },
    'devices:import': async (req) => {
      const result = await importDevices(d.registry, req.format, req.text, req.dryRun, (id) =>
        d.monitor.track(d.registry.get(id)),
      );
      if (!req.dryRun && result.added > 0)
        audit({
          what: `Devices imported from ${req.format.toUpperCase()}: ${result.added} added, ${result.rejected.length} rejected`,
          text: msg('audit.devices-imported', { format: req.format.toUpperCase(), added: result.added, rejected: result.rejected.length }),
        });
      return result;
    },
    'devices:export': (req) => Promise.resolve(exportDevices(d.registry, req.format)),
    'metrics:query': (req) => Promise.resolve(d.store.query(req.series, req.from, req.to, req.maxPoints)),
    'events:list': (req) => Promise.resolve(d.events.list(req)),
    ...createReportHandlers(d.reports),
    ...createMailHandlers(d.mail, d.schedule),
    ...createAlertingHandlers(d.alerting, d.notifications, currentCaller),
  };
}
