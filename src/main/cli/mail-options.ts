import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { defaultSmtpSettings, MailAddressSchema, type SmtpSettings } from '../../shared/contract/mail';
import { SMTP_PASSWORD_REF } from '../core/mail/mail-service';
import type { Mailer } from '../core/mail/mailer';
import { createSmtpMailer } from '../core/mail/smtp-mailer';
import { secretStoreFor } from '../core/secrets/secret-store-for';
import { settingsPathOf } from '../core/settings/data-folder-settings';
import { parseSettingsDocument } from '../core/settings/schema';
import { defaultDataDir } from './serve-data-dir';

/** A command-line mistake: exit 2 with this line. */
export class MailUsageError extends Error {}

/** The options `vigie mail-test` and `vigie report --mail` share. */
export function addSmtpOptions(cmd: Command): Command {
  return cmd
    .option('--smtp <url>', 'SMTP server instead of the data folder\'s settings: smtp[s]://[user@]host[:port]')
    .option('--smtp-password-env <VAR>', 'environment variable holding the SMTP password (for a user in --smtp)')
    .option('--starttls', 'with smtp://: require STARTTLS (port 587 by default)')
    .option('--from <address>', 'sender with --smtp (default: vigie@<this host>)');
}

const RawSchema = z.object({
  smtp: z.string().optional(),
  smtpPasswordEnv: z.string().optional(),
  starttls: z.boolean().optional(),
  from: z.string().optional(),
  data: z.string().optional(),
  secrets: z.string().optional(),
});

export interface SmtpChoice {
  settings: SmtpSettings;
  password: string | null;
  /** "the data folder /x" or "--smtp", for the one-line messages. */
  source: string;
}

/** `smtp://user@host:port` → settings; the password only ever comes from an environment variable. */
export function smtpFromUrl(url: string, o: { starttls?: boolean; from?: string; passwordEnv?: string }, env = process.env): SmtpChoice {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MailUsageError(`--smtp ${url} is not a URL: write smtp://host[:port] or smtps://user@host`);
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new MailUsageError(`--smtp must start with smtp:// or smtps://, not ${u.protocol}//`);
  if (u.password) throw new MailUsageError('--smtp must not contain a password (others can read the command line): use --smtp-password-env VAR');
  const implicit = u.protocol === 'smtps:';
  if (implicit && o.starttls) throw new MailUsageError('--starttls goes with smtp://, not smtps:// (which is TLS from the start)');
  const security = implicit ? 'tls' : o.starttls ? 'starttls' : 'none';
  const port = u.port ? Number(u.port) : implicit ? 465 : o.starttls ? 587 : 25;
  const username = u.username ? decodeURIComponent(u.username) : null;
  let password: string | null = null;
  if (o.passwordEnv !== undefined) {
    password = env[o.passwordEnv] ?? null;
    if (!password) throw new MailUsageError(`The environment variable ${o.passwordEnv} is empty or not set`);
  }
  if (username && !password) throw new MailUsageError(`--smtp names user ${username}: give the password with --smtp-password-env VAR`);
  const from = o.from ?? `vigie@${hostname()}`;
  return {
    settings: { ...defaultSmtpSettings(), host: u.hostname.replace(/^\[|\]$/g, ''), port, security, username, passwordSet: !!password, from },
    password,
    source: '--smtp',
  };
}

/** The SMTP settings saved by the console in the data folder, and the password from its secret store. */
export async function smtpFromDataDir(dataDir: string, secretsBackend: string): Promise<SmtpChoice> {
  const path = settingsPathOf(dataDir);
  if (!existsSync(path)) throw new MailUsageError(`No settings in ${dataDir}: configure mail in the console, or give --smtp`);
  const parsed = parseSettingsDocument(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (!parsed.ok) throw new MailUsageError(`The settings in ${path} cannot be used: ${parsed.reason}`);
  const settings = parsed.settings.smtp;
  if (!settings.host) throw new MailUsageError(`No SMTP server is configured in ${dataDir}: set it in Settings → Mail, or give --smtp`);
  let password: string | null = null;
  if (settings.username && settings.passwordSet) {
    if (secretsBackend !== 'keychain' && secretsBackend !== 'file') throw new MailUsageError(`--secrets must be "keychain" or "file", not "${secretsBackend}"`);
    const store = secretStoreFor(secretsBackend, dataDir);
    password = await store.get(SMTP_PASSWORD_REF);
    if (!password) throw new MailUsageError(`The SMTP password of ${settings.username} is not in the ${secretsBackend} secret store`);
  }
  return { settings, password, source: `the settings of ${dataDir}` };
}

export async function mailerFromOptions(raw: unknown): Promise<{ mailer: Mailer; choice: SmtpChoice }> {
  const o = RawSchema.parse(raw);
  const choice = o.smtp
    ? smtpFromUrl(o.smtp, { starttls: o.starttls, from: o.from, passwordEnv: o.smtpPasswordEnv })
    : await smtpFromDataDir(resolve(o.data ?? defaultDataDir()), o.secrets ?? 'keychain');
  return { mailer: createSmtpMailer({ settings: choice.settings, password: choice.password }), choice };
}

/** `--to a@x,b@y` (repeatable) → checked addresses. */
export function parseAddresses(values: readonly string[] | string | undefined, option = '--to'): string[] {
  const list = (Array.isArray(values) ? values : values ? [values] : []).flatMap((v: string) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  if (!list.length) throw new MailUsageError(`${option} needs at least one address`);
  for (const a of list) if (!MailAddressSchema.safeParse(a).success) throw new MailUsageError(`${option}: "${a}" is not an e-mail address`);
  return list;
}
