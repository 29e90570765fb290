import { z } from 'zod';
import { STATES } from '../states';
import { UNITS } from '../units';

/** Milliseconds since the epoch: numbers cross structured clone and JSON alike, Date objects do not. */
export const Timestamp = z.number().int().nonnegative();
export const StateSchema = z.enum(STATES);
export const UnitSchema = z.enum(UNITS);
export const DeviceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
/** All-numeric last label: meant as an IPv4 address (RFC 3696 §2: no top-level domain is all digits). */
const NUMERIC_TLD = /(^|\.)\d+\.?$/;

export const HostSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(253)
  .refine((h) => IPV4.test(h) || (h.includes(':') && IPV6.test(h)) || (HOSTNAME.test(h) && !NUMERIC_TLD.test(h)), {
    message: 'not a valid host name or IP address',
  });

export const PortSchema = z.number().int().min(1).max(65535);
