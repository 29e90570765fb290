import type { ParsedReq, Res } from '../../../shared/contract/api';

/**
 * What the `alerts:*` and `maintenance:*` calls need from the alerting engine, and the `notifications:*`
 * calls from the notification router. `who` is the caller (web login or desktop user) for acknowledgements
 * and the audit trail.
 */
export interface AlertingService {
  rules(q: ParsedReq<'alerts:rules'>): Res<'alerts:rules'>;
  saveRule(rule: ParsedReq<'alerts:save-rule'>['rule']): Res<'alerts:save-rule'>;
  removeRule(id: string): boolean;
  saveOverride(o: ParsedReq<'alerts:save-override'>['override']): void;
  removeOverride(ref: ParsedReq<'alerts:remove-override'>): boolean;
  preview(req: ParsedReq<'alerts:preview'>): Res<'alerts:preview'>;
  active(): Res<'alerts:active'>;
  acknowledge(req: ParsedReq<'alerts:ack'>, who: string): boolean;
  unacknowledge(req: ParsedReq<'alerts:unack'>): boolean;
  silence(req: ParsedReq<'alerts:silence'>): boolean;
  incidents(open: boolean): Res<'alerts:incidents'>;
  settings(): Res<'alerts:settings'>;
  saveSettings(s: ParsedReq<'alerts:save-settings'>): Res<'alerts:save-settings'>;
  maintenance(): Res<'maintenance:list'>;
  saveMaintenance(w: ParsedReq<'maintenance:save'>['window']): Res<'maintenance:save'>;
  removeMaintenance(id: string): boolean;
}

export interface NotificationService {
  channels(): Res<'notifications:channels'>;
  save(channels: ParsedReq<'notifications:save'>['channels']): Res<'notifications:save'>;
  test(channelId: string): Promise<Res<'notifications:test'>>;
}
