import type {
  AlertingSettings,
  AlertRule,
  EffectiveRule,
  MaintenanceWindow,
  RuleOverride,
} from '../../../shared/contract/alerting';
import type { ParsedReq, Res } from '../../../shared/contract/api';
import { VigieError } from '../../../shared/contract/envelope';
import { msg, msgList } from '../../../shared/messages/message';
import type { Audit } from '../audit/audit-trail';
import type { Clock } from '../ports';
import type { SettingsStore } from '../settings/settings-store';
import type { MetricStore } from '../store/metric-store';
import type { AlertingConfig } from './alerting-config';
import type { AlertingService } from './alerting-service';
import type { AlertEngine } from './engine';
import type { IncidentPort } from './ports';
import { previewRule } from './preview';

export interface AlertingServiceDeps {
  settings: SettingsStore;
  engine: AlertEngine;
  store: MetricStore;
  clock: Clock;
  audit: Audit;
  /** Every family id the catalog knows (rules listed when no family is asked). */
  families: () => readonly string[];
  /** A device's family and name, or null when it does not exist. */
  device: (id: string) => { family: string; name: string } | null;
  incidents?: IncidentPort;
}

function sameOverride(a: Pick<RuleOverride, 'ruleId' | 'family' | 'deviceId' | 'instance'>, b: RuleOverride): boolean {
  return a.ruleId === b.ruleId && a.family === b.family && (a.deviceId ?? null) === b.deviceId && (a.instance ?? null) === b.instance;
}

/** The `alerts:*` and `maintenance:*` calls over the engine and the settings key `alerting`; changes are audited. */
export class AlertingServiceImpl implements AlertingService {
  constructor(private readonly d: AlertingServiceDeps) {}

  private config(): AlertingConfig {
    return this.d.settings.get().alerting;
  }

  private change(f: (c: AlertingConfig) => AlertingConfig): void {
    this.d.settings.update((s) => ({ ...s, alerting: f(s.alerting) }));
  }

  private deviceOr404(id: string): { family: string; name: string } {
    const device = this.d.device(id);
    if (!device) throw new VigieError('not_found', `No device with id ${id}`);
    return device;
  }

  rules(q: ParsedReq<'alerts:rules'>): EffectiveRule[] {
    const deviceId = q.deviceId ?? null;
    const family = q.family ?? (deviceId ? this.deviceOr404(deviceId).family : null);
    const families = family ? [family] : this.d.families();
    return families.flatMap((f) => this.d.engine.resolved(f, deviceId).map((r) => r.effective));
  }

  saveRule(rule: AlertRule): AlertRule {
    if (this.d.engine.defaultRules(rule.family).some((r) => r.id === rule.id)) {
      throw new VigieError('conflict', `"${rule.id}" is a default rule of ${rule.family}: change it with an override`);
    }
    if (rule.deviceId !== null) this.deviceOr404(rule.deviceId);
    const saved: AlertRule = { ...rule, origin: 'custom' };
    const existed = this.config().rules.some((r) => r.id === rule.id);
    this.change((c) => ({ ...c, rules: [...c.rules.filter((r) => r.id !== rule.id), saved] }));
    this.d.audit({
      what: `Alert rule ${existed ? 'changed' : 'added'}: ${saved.label} (${saved.id})`,
      text: msg(existed ? 'audit.rule-changed' : 'audit.rule-added', { rule: saved.label, id: saved.id }),
    });
    return saved;
  }

  removeRule(id: string): boolean {
    const rule = this.config().rules.find((r) => r.id === id);
    if (!rule) return false;
    this.change((c) => ({ ...c, rules: c.rules.filter((r) => r.id !== id), overrides: c.overrides.filter((o) => o.ruleId !== id) }));
    this.d.audit({ what: `Alert rule removed: ${rule.label} (${id})`, text: msg('audit.rule-removed', { rule: rule.label, id }) });
    return true;
  }

  saveOverride(o: RuleOverride): void {
    if (o.deviceId !== null) this.deviceOr404(o.deviceId);
    const known = this.d.engine.resolved(o.family, o.deviceId).some((r) => r.effective.rule.id === o.ruleId);
    if (!known) throw new VigieError('not_found', `No rule ${o.ruleId} for ${o.family}`);
    this.change((c) => ({ ...c, overrides: [...c.overrides.filter((x) => !sameOverride(o, x)), o] }));
    const where = [o.deviceId ? `device ${this.d.device(o.deviceId)?.name ?? o.deviceId}` : `family ${o.family}`, o.instance ? `instance ${o.instance}` : null]
      .filter(Boolean)
      .join(', ');
    const fields = Object.keys(o).filter((k) => !['ruleId', 'family', 'deviceId', 'instance'].includes(k));
    const instance = o.instance ? ` (${o.instance})` : '';
    // Each field named in the reader's language, not by its stored key.
    const changed = fields.length ? msgList(fields.map((f) => msg(`override-field.${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`))) : msg('override-field.none');
    this.d.audit({
      what: `Alert rule ${o.ruleId} overridden for ${where} (${fields.join(', ') || 'nothing'})`,
      text: o.deviceId
        ? msg('audit.override-device', { rule: o.ruleId, device: this.d.device(o.deviceId)?.name ?? o.deviceId, where: instance, fields: changed })
        : msg('audit.override-family', { rule: o.ruleId, family: o.family, where: instance, fields: changed }),
    });
  }

  removeOverride(ref: ParsedReq<'alerts:remove-override'>): boolean {
    const before = this.config().overrides.length;
    this.change((c) => ({ ...c, overrides: c.overrides.filter((x) => !sameOverride(ref, x)) }));
    const removed = this.config().overrides.length < before;
    if (removed)
      this.d.audit({
        what: `Alert rule ${ref.ruleId} override removed (${ref.deviceId ? `device ${ref.deviceId}` : `family ${ref.family}`})`,
        text: ref.deviceId
          ? msg('audit.override-removed-device', { rule: ref.ruleId, device: this.d.device(ref.deviceId)?.name ?? ref.deviceId })
          : msg('audit.override-removed-family', { rule: ref.ruleId, family: ref.family }),
      });
    return removed;
  }

  preview(req: ParsedReq<'alerts:preview'>): Res<'alerts:preview'> {
    this.deviceOr404(req.deviceId);
    return previewRule(this.d.store, req.deviceId, req.rule, req.hours, this.d.clock.now(), this.config().settings.flapping);
  }

  active(): Res<'alerts:active'> {
    return this.d.engine.active(this.d.clock.now());
  }

  acknowledge(req: ParsedReq<'alerts:ack'>, who: string): boolean {
    const ok = this.d.engine.acknowledge(req.deviceId, req.checkId, { by: who, at: this.d.clock.now(), comment: req.comment, mode: req.mode });
    if (ok) {
      const device = this.d.device(req.deviceId);
      this.d.audit({
        what: `Problem acknowledged (${req.mode}): ${req.checkId ?? 'every check'}: ${req.comment}`,
        text:
          req.checkId === null || req.checkId === undefined
            ? msg('audit.acknowledged-all', { mode: req.mode, comment: req.comment })
            : msg('audit.acknowledged', { mode: req.mode, check: req.checkId, comment: req.comment }),
        ...(device ? { device: { id: req.deviceId, name: device.name } } : {}),
      });
    }
    return ok;
  }

  unacknowledge(req: ParsedReq<'alerts:unack'>): boolean {
    return this.d.engine.unacknowledge(req.deviceId, req.checkId);
  }

  silence(req: ParsedReq<'alerts:silence'>): boolean {
    const ok = this.d.engine.silence(req.deviceId, req.checkId, this.d.clock.now() + req.minutes * 60_000);
    if (ok) {
      const device = this.d.device(req.deviceId);
      this.d.audit({
        what: `Problem silenced for ${req.minutes} min: ${req.checkId ?? 'every check'}`,
        text:
          req.checkId === null || req.checkId === undefined
            ? msg('audit.silenced-all', { duration: { value: req.minutes * 60, unit: 'seconds' } })
            : msg('audit.silenced', { duration: { value: req.minutes * 60, unit: 'seconds' }, check: req.checkId }),
        ...(device ? { device: { id: req.deviceId, name: device.name } } : {}),
      });
    }
    return ok;
  }

  incidents(open: boolean): Res<'alerts:incidents'> {
    return this.d.incidents?.list(open) ?? [];
  }

  settings(): AlertingSettings {
    return this.config().settings;
  }

  saveSettings(s: AlertingSettings): AlertingSettings {
    this.change((c) => ({ ...c, settings: s }));
    this.d.audit({
      what: `Alerting settings changed (flapping ${s.flapping.maxChanges} changes in ${s.flapping.windowMinutes} min, guard ${s.guardEnabled ? 'on' : 'off'})`,
      text: msg(s.guardEnabled ? 'audit.alerting-settings-guard-on' : 'audit.alerting-settings-guard-off', {
        changes: s.flapping.maxChanges,
        duration: { value: s.flapping.windowMinutes * 60, unit: 'seconds' },
      }),
    });
    return s;
  }

  maintenance(): MaintenanceWindow[] {
    return this.config().maintenance;
  }

  saveMaintenance(w: MaintenanceWindow): MaintenanceWindow {
    if (w.schedule.type === 'once' && w.schedule.end <= w.schedule.start) {
      throw new VigieError('invalid_request', 'The maintenance window ends before it starts');
    }
    const existed = this.config().maintenance.some((x) => x.id === w.id);
    this.change((c) => ({ ...c, maintenance: [...c.maintenance.filter((x) => x.id !== w.id), w] }));
    this.d.audit({
      what: `Maintenance window ${existed ? 'changed' : 'added'}: ${w.name}`,
      text: msg(existed ? 'audit.maintenance-changed' : 'audit.maintenance-added', { window: w.name }),
    });
    return w;
  }

  removeMaintenance(id: string): boolean {
    const w = this.config().maintenance.find((x) => x.id === id);
    if (!w) return false;
    this.change((c) => ({ ...c, maintenance: c.maintenance.filter((x) => x.id !== id) }));
    this.d.audit({ what: `Maintenance window removed: ${w.name}`, text: msg('audit.maintenance-removed', { window: w.name }) });
    return true;
  }
}
