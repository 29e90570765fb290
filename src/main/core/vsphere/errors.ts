import type { CertificateInfo, TestStage } from '../../../shared/contract/devices';

/**
 * Every failure of the vSphere client is one of these, with the Test-connection stage it belongs to, so that
 * a poller or the report turns it into a state and a message without guessing from the text.
 */
export class VsphereError extends Error {
  constructor(
    readonly stage: TestStage,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Name resolution, refused or unreachable host, reset connection, or a peer that does not speak TLS. */
export class VsphereNetworkError extends VsphereError {
  constructor(
    stage: 'dns' | 'refused' | 'protocol' | 'tls',
    message: string,
    readonly code: string | null,
  ) {
    super(stage, message);
  }
}

/** A call that did not complete within its bound. */
export class VsphereTimeoutError extends VsphereError {
  constructor(
    message: string,
    readonly timeoutMs: number,
  ) {
    super('timeout', message);
  }
}

/** The certificate does not chain to a trusted root (or does not name the host) and none is pinned. */
export class TlsUntrustedError extends VsphereError {
  constructor(
    readonly certificate: CertificateInfo,
    readonly reason: string,
  ) {
    super('tls-untrusted', `certificate not trusted (${reason}); SHA-256 fingerprint ${certificate.fingerprint}`);
  }
}

/** A certificate was pinned and the server now presents another, untrusted one. */
export class TlsChangedError extends VsphereError {
  constructor(
    readonly certificate: CertificateInfo,
    readonly expected: string,
  ) {
    super(
      'tls-changed',
      `the server's certificate changed: pinned ${expected}, presented ${certificate.fingerprint} (${certificate.subject}); accept the new one only if the change is expected`,
    );
  }
}

/** Something answered, but not vSphere SOAP: an HTML page, garbage, an HTTP error without a SOAP body. */
export class VsphereProtocolError extends VsphereError {
  constructor(
    message: string,
    readonly httpStatus: number | null = null,
  ) {
    super('protocol', message);
  }
}

/** The server does not implement a call (the simulator lacks HostDateTimeSystem and DiagnosticManager). */
export class VsphereUnsupportedError extends VsphereError {
  constructor(
    readonly call: string,
    reason: string,
  ) {
    super('protocol', `${call} is not supported by this server: ${reason}`);
  }
}

/** A value we were asked to send cannot be expressed in XML (a control character in a name...). */
export class VsphereInputError extends VsphereError {
  constructor(message: string) {
    super('internal', message);
  }
}
