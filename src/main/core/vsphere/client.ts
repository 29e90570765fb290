import type { CertificateInfo } from '../../../shared/contract/devices';
import { VsphereError, VsphereProtocolError, VsphereTimeoutError } from './errors';
import { InvalidLoginFault, ManagedObjectNotFoundFault, NotAuthenticatedFault } from './faults';
import { parseServiceContent, type ServiceContent } from './service-content';
import { decodeSoapAnswer } from './soap-response';
import { SoapTransport } from './transport';
import { soapRequest, type MoRef, type XmlValue } from './xml-build';
import { date, text, type XmlNode } from './xml-parse';

export interface VimClientOptions {
  host: string;
  /** Defaults to 443 (80 for http). */
  port?: number | null;
  /** https for every real server; http only for a lab simulator started without TLS. */
  protocol?: 'https' | 'http';
  path?: string;
  user?: string;
  password?: string;
  /** SHA-256 fingerprint accepted for a certificate the system does not trust. */
  tlsFingerprint?: string | null;
  /** PEM roots trusted in addition to the system's (a company CA). */
  extraRoots?: readonly string[];
  /** Bound on each call, unless the call gives its own (default 30 s). */
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxResponseBytes?: number;
  userAgent?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface UserSession {
  key: string;
  userName: string;
  loginTime: Date | undefined;
}

const SESSION_COOKIE = 'vmware_soap_session';
const THIS_SERVICE_INSTANCE: MoRef = { type: 'ServiceInstance', value: 'ServiceInstance' };

/**
 * A thin vim25 SOAP client: one keep-alive HTTPS connection pool, the session cookie, a bound on every call,
 * typed faults, and a transparent re-login when the session expires mid-work (NotAuthenticated → log in
 * again once, retry the call). Session-scoped objects (views, filters, collectors) die with a session:
 * `sessionGeneration` changes on every login so that their owners know to create them again.
 */
export class VimClient {
  readonly url: URL;
  private readonly transport: SoapTransport;
  private readonly timeoutMs: number;
  private cookie: string | null = null;
  private content: ServiceContent | null = null;
  private soapAction = 'urn:vim25/6.0';
  private relogin: Promise<UserSession> | null = null;
  private generation = 0;
  private current: UserSession | null = null;
  private lastCertificate: CertificateInfo | null = null;

  constructor(private readonly opts: VimClientOptions) {
    const protocol = opts.protocol ?? 'https';
    const host = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
    this.url = new URL(`${protocol}://${host}${opts.port ? `:${opts.port}` : ''}${opts.path ?? '/sdk'}`);
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.transport = new SoapTransport({
      url: this.url,
      pin: opts.tlsFingerprint ?? null,
      extraRoots: opts.extraRoots,
      connectTimeoutMs: opts.connectTimeoutMs ?? Math.min(this.timeoutMs, 15_000),
      maxResponseBytes: opts.maxResponseBytes ?? 1024 * 1024 * 1024,
      userAgent: opts.userAgent ?? 'Vigie vSphere client',
      onCertificate: (info) => (this.lastCertificate = info),
    });
  }

  /** Incremented by each successful login. */
  get sessionGeneration(): number {
    return this.generation;
  }

  get session(): UserSession | null {
    return this.current;
  }

  /** The certificate of the last TLS handshake, if any. */
  get certificate(): CertificateInfo | null {
    return this.lastCertificate;
  }

  /** RetrieveServiceContent, once per client. */
  async serviceContent(opts: CallOptions = {}): Promise<ServiceContent> {
    if (this.content) return this.content;
    const [node] = await this.invoke('RetrieveServiceContent', THIS_SERVICE_INSTANCE, {}, opts);
    this.content = parseServiceContent(node);
    // Speak the server's own API version: newer servers answer an older SOAPAction in that older dialect.
    this.soapAction = `urn:vim25/${this.content.about.apiVersion}`;
    return this.content;
  }

  async login(opts: CallOptions = {}): Promise<UserSession> {
    const sc = await this.serviceContent(opts);
    if (!sc.sessionManager) throw new VsphereProtocolError('the server has no SessionManager');
    if (this.opts.user === undefined || this.opts.password === undefined) {
      throw new InvalidLoginFault('InvalidLogin', 'Login: no user name or password configured', {}, null, 'auth');
    }
    // A stale cookie makes some servers refuse Login (the simulator does): start from none.
    this.cookie = null;
    const [node] = await this.invoke(
      'Login',
      sc.sessionManager,
      { userName: this.opts.user, password: this.opts.password },
      opts,
    );
    if (!this.cookie) throw new VsphereProtocolError(`Login: the server set no ${SESSION_COOKIE} cookie`);
    this.current = { key: text(node, 'key') ?? '', userName: text(node, 'userName') ?? this.opts.user, loginTime: date(node, 'loginTime') };
    this.generation++;
    return this.current;
  }

  /** Ends the session; errors are ignored (the session may already be gone). */
  async logout(opts: CallOptions = {}): Promise<void> {
    const sc = this.content;
    if (!this.cookie || !sc?.sessionManager) return;
    try {
      await this.invoke('Logout', sc.sessionManager, {}, { timeoutMs: 5000, ...opts });
    } catch {
      /* already expired or unreachable: nothing left to end */
    }
    this.cookie = null;
    this.current = null;
  }

  /** Logs out and closes the connections. */
  async close(): Promise<void> {
    await this.logout();
    this.transport.close();
  }

  /**
   * Calls a vim25 method and returns its `returnval` elements. If the session has expired and this client
   * logged in before, it logs in again once (shared by concurrent calls) and retries.
   */
  async call(method: string, self: MoRef, args: Readonly<Record<string, XmlValue>> = {}, opts: CallOptions = {}): Promise<XmlNode[]> {
    const sentWith = this.generation;
    try {
      return await this.invoke(method, self, args, opts);
    } catch (error) {
      if (!(error instanceof NotAuthenticatedFault) || this.current === null || method === 'Login') throw error;
      // A call sent with the old session may fail after another one has already logged in again: it only
      // needs the retry, not a third session (which would orphan what was created in the second).
      if (this.generation === sentWith) this.relogin ??= this.login(opts).finally(() => (this.relogin = null));
      if (this.relogin) await this.relogin;
      return this.invoke(method, self, args, opts);
    }
  }

  /**
   * Runs work that creates and uses session-scoped objects (a view, a collector): if the session was renewed
   * meanwhile (by this work or a concurrent call) and the object is gone, the work runs once more.
   */
  async sessionScoped<T>(run: () => Promise<T>): Promise<T> {
    const generation = this.generation;
    try {
      return await run();
    } catch (error) {
      if (error instanceof ManagedObjectNotFoundFault && this.generation !== generation) return run();
      throw error;
    }
  }

  private async invoke(method: string, self: MoRef, args: Readonly<Record<string, XmlValue>>, opts: CallOptions): Promise<XmlNode[]> {
    const xml = soapRequest(method, self, args);
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers: Record<string, string> = { SOAPAction: `"${this.soapAction}"` };
    if (this.cookie) headers.Cookie = this.cookie;
    let answer;
    try {
      answer = await this.transport.post(xml, headers, signal);
    } catch (error) {
      if (timeout.aborted && !opts.signal?.aborted) {
        throw new VsphereTimeoutError(`${method}: no answer from ${this.url.host} within ${timeoutMs / 1000} s`, timeoutMs);
      }
      if (opts.signal?.aborted) throw opts.signal.reason instanceof Error ? opts.signal.reason : new DOMException('cancelled', 'AbortError');
      if (error instanceof VsphereError) throw error;
      throw new VsphereProtocolError(`${method}: ${(error as Error).message}`);
    }
    this.takeCookie(answer.setCookies);
    return decodeSoapAnswer(answer, method);
  }

  private takeCookie(setCookies: string[]): void {
    for (const c of setCookies) {
      const pair = c.split(';', 1)[0]?.trim();
      if (pair?.startsWith(`${SESSION_COOKIE}=`)) this.cookie = pair;
    }
  }
}
