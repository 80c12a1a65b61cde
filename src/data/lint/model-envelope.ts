// The envelope of a model preset in data/models/<id>.json. The lint checks only this; the "config" inside is
// a model's config.json as published and is validated by the memory model's own parser.
import { z } from 'zod';
import { isIsoDate } from '../../core/units.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine(isIsoDate, 'not a real calendar date');

export const ModelPresetEnvelopeSchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase kebab-case id like llama-3-1-8b'),
  name: z.string().min(1),
  hfRepo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected a Hugging Face repo like owner/name'),
  sourceUrl: z.string().regex(/^https:\/\/[^\s]+$/, 'expected an https:// URL'),
  retrievedOn: isoDate,
  config: z.record(z.string(), z.unknown()),
});
export type ModelPresetEnvelope = z.infer<typeof ModelPresetEnvelopeSchema>;
