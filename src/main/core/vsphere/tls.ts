import type { ClientRequestArgs } from 'node:http';
import { Agent, type AgentOptions } from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import type { CertificateInfo } from '../../../shared/contract/devices';
import { TlsChangedError, TlsUntrustedError, VsphereNetworkError, VsphereTimeoutError } from './errors';

/** Node's own roots plus the operating system's where this Node can read them (Node ≥ 22.15 / Electron). */
export function trustedRoots(): string[] | undefined {
  const get = (tls as unknown as { getCACertificates?: (type?: string) => string[] }).getCACertificates;
  if (typeof get !== 'function') return undefined; // Node 20: its bundled roots (+ NODE_EXTRA_CA_CERTS)
  try {
    return [...new Set([...get('default'), ...get('system')])];
  } catch {
    return undefined;
  }
}

let rootsContext: tls.SecureContext | null | undefined;

/** One secure context holding the trusted roots, built once: parsing them per connection would be wasted work. */
function trustContext(): tls.SecureContext | undefined {
  if (rootsContext === undefined) {
    const ca = trustedRoots();
    rootsContext = ca ? tls.createSecureContext({ ca }) : null;
  }
  return rootsContext ?? undefined;
}

function distinguishedName(dn: unknown): string {
  if (typeof dn !== 'object' || dn === null) return '';
  return Object.entries(dn as Record<string, unknown>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

function isoDate(text: string): string {
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

/** What the user is shown before pinning a certificate. */
export function certificateInfo(cert: tls.PeerCertificate): CertificateInfo {
  return {
    fingerprint: cert.fingerprint256.toUpperCase(),
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    validFrom: isoDate(cert.valid_from),
    validTo: isoDate(cert.valid_to),
  };
}

export interface PinningAgentOptions {
  /** Pinned SHA-256 fingerprint (AA:BB:...), or null to require a certificate the system trusts. */
  pin: string | null;
  /** Bound on TCP connect + TLS handshake. */
  connectTimeoutMs: number;
  /** Roots trusted in addition to the system's (PEM), e.g. a company CA the operating system does not know. */
  extraRoots?: readonly string[];
  /** Called with every certificate a handshake saw (Test connection reports it). */
  onCertificate?: (info: CertificateInfo) => void;
}

/**
 * An HTTPS keep-alive agent that verifies each new connection itself, before the HTTP request is written on
 * it (no cookie or password ever leaves on an unverified socket):
 *  - a certificate the system trusts for this host name is accepted;
 *  - otherwise only the pinned one is (same SHA-256 fingerprint), whatever its chain or name;
 *  - otherwise the handshake ends with TlsUntrustedError (nothing pinned) or TlsChangedError (another cert).
 * The handshake itself runs with rejectUnauthorized off so that the certificate can be read and shown; the
 * decision above replaces it on every connection. TLS sessions are not cached, so no connection skips it.
 */
export class PinningAgent extends Agent {
  private readonly pin: string | null;
  private readonly secureContext: tls.SecureContext | undefined;

  constructor(
    private readonly tlsOptions: PinningAgentOptions,
    agentOptions: AgentOptions = {},
  ) {
    super({ keepAlive: true, maxSockets: 8, maxCachedSessions: 0, ...agentOptions });
    this.pin = tlsOptions.pin ? tlsOptions.pin.toUpperCase() : null;
    this.secureContext = tlsOptions.extraRoots?.length
      ? tls.createSecureContext({ ca: [...(trustedRoots() ?? tls.rootCertificates), ...tlsOptions.extraRoots] })
      : trustContext();
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const host = options.hostname ?? options.host ?? 'localhost';
    const port = Number(options.port ?? 443);
    const servername = isIP(host) ? undefined : host;
    const socket = tls.connect({
      host,
      port,
      servername,
      secureContext: this.secureContext,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    let settled = false;
    const done = (err: Error | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeListener('error', onError);
      if (err) {
        socket.destroy();
        callback?.(err, socket);
      } else {
        callback?.(null, socket);
      }
    };
    const onError = (err: Error): void => done(err);
    const timer = setTimeout(
      () => done(new VsphereTimeoutError(`no TLS handshake with ${host}:${port} within ${this.tlsOptions.connectTimeoutMs} ms`, this.tlsOptions.connectTimeoutMs)),
      this.tlsOptions.connectTimeoutMs,
    );
    socket.once('error', onError);
    socket.once('secureConnect', () => done(this.verify(socket, host)));
    return undefined;
  }

  private verify(socket: tls.TLSSocket, host: string): Error | null {
    const cert = socket.getPeerCertificate(false);
    if (!cert || !cert.raw) return new VsphereNetworkError('tls', `${host} sent no certificate`, null);
    const info = certificateInfo(cert);
    this.tlsOptions.onCertificate?.(info);
    const identityError = socket.authorized ? tls.checkServerIdentity(host, cert) : undefined;
    const trusted = socket.authorized && identityError === undefined;
    if (trusted) return null;
    if (this.pin) return info.fingerprint === this.pin ? null : new TlsChangedError(info, this.pin);
    const reason = identityError ? identityError.message : describeAuthorizationError(socket.authorizationError);
    return new TlsUntrustedError(info, reason);
  }
}

function describeAuthorizationError(code: Error | string | undefined): string {
  const c = typeof code === 'string' ? code : (code?.message ?? 'unknown');
  switch (c) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'self-signed certificate';
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'signed by an untrusted root (self-signed certificate in chain)';
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return 'issuer not trusted by this computer';
    case 'CERT_HAS_EXPIRED':
      return 'certificate expired';
    case 'CERT_NOT_YET_VALID':
      return 'certificate not yet valid';
    default:
      return c;
  }
}
