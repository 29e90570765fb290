import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const hasOpenssl = existsSync('/usr/bin/openssl');

/** A self-signed certificate for 127.0.0.1/localhost, made by openssl in `dir` (key.pem, cert.pem). */
export function selfSignedCertificate(dir: string, name = 'smtp'): { key: string; cert: string; certPath: string } {
  const keyPath = join(dir, `${name}-key.pem`);
  const certPath = join(dir, `${name}-cert.pem`);
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', `/CN=vigie-${name}`, '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', keyPath, '-out', certPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath };
}

export interface TestSmtp {
  port: number;
  /** Every mail accepted, parsed, with the envelope the client gave. */
  received: { mail: ParsedMail; envelopeTo: string[]; user: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (nodemailer's smtp-server) on loopback: STARTTLS with the given certificate, AUTH
 * PLAIN/LOGIN required for `user`/`password`, recipients at `refused.example` refused with 550.
 */
export async function startSmtp(options: { port?: number; key: string; cert: string; user: string; password: string }): Promise<TestSmtp> {
  const received: TestSmtp['received'] = [];
  const server = new SMTPServer({
    key: options.key,
    cert: options.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) {
        callback(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, envelopeTo: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const addr = server.server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
