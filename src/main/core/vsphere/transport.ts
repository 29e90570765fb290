import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { VsphereError, VsphereNetworkError, VsphereProtocolError } from './errors';
import type { HttpAnswer } from './soap-response';
import { PinningAgent } from './tls';
import type { CertificateInfo } from '../../../shared/contract/devices';

export interface TransportOptions {
  url: URL;
  /** Pinned certificate fingerprint for https (see PinningAgent). */
  pin: string | null;
  connectTimeoutMs: number;
  /** Answers larger than this are refused (a runaway or hostile server must not exhaust memory). */
  maxResponseBytes: number;
  userAgent: string;
  extraRoots?: readonly string[];
  onCertificate?: (info: CertificateInfo) => void;
}

export interface PostResult extends HttpAnswer {
  setCookies: string[];
}

class StaleSocketError extends Error {}

/** The socket error codes worth a precise stage; the rest are protocol-level failures. */
function networkError(err: NodeJS.ErrnoException, where: string): VsphereError {
  const code = err.code ?? null;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
      return new VsphereNetworkError('dns', `cannot resolve ${where} (${code})`, code);
    case 'ECONNREFUSED':
      return new VsphereNetworkError('refused', `connection refused by ${where}`, code);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new VsphereNetworkError('refused', `${where} unreachable (${code})`, code);
    case 'ECONNRESET':
    case 'EPIPE':
      return new VsphereNetworkError('protocol', `${where} closed the connection (${code})`, code);
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'ERR_SSL_PACKET_LENGTH_TOO_LONG':
      return new VsphereNetworkError('protocol', `${where} does not speak TLS on this port (${code})`, code);
    default:
      if (code?.startsWith('ERR_SSL') || code?.startsWith('ERR_TLS')) {
        return new VsphereNetworkError('tls', `TLS failure with ${where}: ${err.message}`, code);
      }
      return new VsphereNetworkError('protocol', `${where}: ${err.message}`, code);
  }
}

/**
 * POSTs SOAP over one keep-alive agent. Abort (the caller's signal, which carries the call's timeout) ends the
 * request and its socket; the caller turns the abort into a timeout or a cancellation.
 */
export class SoapTransport {
  private readonly agent: PinningAgent | HttpAgent;
  private readonly where: string;

  constructor(private readonly opts: TransportOptions) {
    this.where = opts.url.host;
    this.agent =
      opts.url.protocol === 'https:'
        ? new PinningAgent({ pin: opts.pin, connectTimeoutMs: opts.connectTimeoutMs, extraRoots: opts.extraRoots, onCertificate: opts.onCertificate })
        : new HttpAgent({ keepAlive: true, maxSockets: 8 });
  }

  /**
   * A keep-alive socket the server (or a proxy in front of vCenter) closed while idle fails on reuse with
   * ECONNRESET before any answer: that one case is sent again, once, on a fresh connection.
   */
  async post(xml: string, headers: Record<string, string>, signal: AbortSignal): Promise<PostResult> {
    try {
      return await this.postOnce(xml, headers, signal);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return this.postOnce(xml, headers, signal, true);
    }
  }

  private postOnce(xml: string, headers: Record<string, string>, signal: AbortSignal, retried = false): Promise<PostResult> {
    const { url } = this.opts;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = Buffer.from(xml, 'utf8');
    return new Promise<PostResult>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          agent: this.agent,
          signal,
          headers: {
            'Content-Type': 'text/xml; charset=utf-8',
            'Content-Length': String(payload.length),
            'User-Agent': this.opts.userAgent,
            ...headers,
          },
        },
        (res) => this.read(res, resolve, reject),
      );
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof VsphereError || err.name === 'AbortError') reject(err);
        else if (!retried && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) reject(new StaleSocketError());
        else reject(networkError(err, this.where));
      });
      req.end(payload);
    });
  }

  private read(res: IncomingMessage, resolve: (r: PostResult) => void, reject: (e: Error) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.opts.maxResponseBytes) {
        res.destroy();
        reject(new VsphereProtocolError(`answer larger than ${this.opts.maxResponseBytes} bytes refused`, res.statusCode ?? null));
        return;
      }
      chunks.push(chunk);
    });
    res.on('error', (err: NodeJS.ErrnoException) => {
      reject(err.name === 'AbortError' ? err : networkError(err, this.where));
    });
    res.on('end', () => {
      const setCookie = res.headers['set-cookie'];
      resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        body: Buffer.concat(chunks, size).toString('utf8'),
        setCookies: Array.isArray(setCookie) ? setCookie : [],
      });
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
