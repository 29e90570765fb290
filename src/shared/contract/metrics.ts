import { z } from 'zod';
import { Timestamp } from './common';

export const TierSchema = z.enum(['raw', '5m', '1h', '1d']);
export type Tier = z.infer<typeof TierSchema>;

export const MetricsQuerySchema = z
  .strictObject({
    series: z.array(z.string().min(3).max(400)).min(1).max(200),
    from: Timestamp,
    to: Timestamp,
    maxPoints: z.number().int().min(10).max(20_000).default(1500),
  })
  .refine((q) => q.from < q.to, { message: 'from must be before to', path: ['from'] });
export type MetricsQuery = z.input<typeof MetricsQuerySchema>;

const Column = z.array(z.number().nullable());
/** Columnar, as uPlot wants it: one time axis per series, null where no sample fell. */
export const SeriesDataSchema = z.strictObject({
  key: z.string(),
  t: z.array(z.number()),
  avg: Column,
  min: Column,
  max: Column,
});
export type SeriesData = z.infer<typeof SeriesDataSchema>;

export const MetricsResultSchema = z.strictObject({
  tier: TierSchema,
  stepMs: z.number().int().positive(),
  /**
   * Each point is a bucket with the AVG/MIN/MAX of the samples in it (every consolidated tier, and raw samples
   * bucketed per pixel when more than the chart can show); false or absent: raw samples as recorded.
   */
  bucketed: z.boolean().optional(),
  series: z.array(SeriesDataSchema),
});
export type MetricsResult = z.infer<typeof MetricsResultSchema>;
