import { z } from 'zod';

/**
 * TLS of a service connection (MySQL, LDAP): none, required without checking who answers (the server's
 * certificate is often self-signed), or verified against a CA file, optionally with a client certificate.
 * Paths are read by the core at connect time; the files never travel to the renderer.
 */
export const ServiceTlsSchema = z.strictObject({
  mode: z.enum(['none', 'require', 'verify']).default('none'),
  caFile: z.string().trim().min(1).max(1024).nullable().default(null),
  certFile: z.string().trim().min(1).max(1024).nullable().default(null),
  keyFile: z.string().trim().min(1).max(1024).nullable().default(null),
});
export type ServiceTls = z.output<typeof ServiceTlsSchema>;
export type ServiceTlsInput = z.input<typeof ServiceTlsSchema>;
