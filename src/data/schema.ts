// The single source of truth for the dataset's shape: TypeScript types, validation and the generated
// JSON Schema (scripts/gen-json-schema.ts writes data/schema/*.json from these) all come from here.
// Units: memory in GiB (2^30 bytes), bandwidth in GB/s (1e9 bytes/s), power in W, prices in USD.
// data/README.md explains each field; keep the two in step.
import { z } from 'zod';

export const HARDWARE_KINDS = [
  'gpu', // a GPU or accelerator card/module with its own memory
  'unified', // a complete unified-memory machine (Mac Studio, Ryzen AI Max, DGX Spark...)
  'cpu-platform', // a CPU server or workstation without DIMMs: board + CPU(s) + chassis + PSU
  'memory-module', // one DIMM
  'gpu-host', // a host platform for N GPUs, without the GPUs: board, CPU, RAM, PSU, chassis
] as const;
export type HardwareKind = (typeof HARDWARE_KINDS)[number];

export const MARKETS = ['msrp', 'retail', 'used', 'contract', 'estimate'] as const;
export type Market = (typeof MARKETS)[number];

export const CONDITIONS = ['new', 'used', 'refurbished'] as const;
export type Condition = (typeof CONDITIONS)[number];

export const FP8_SUPPORT = ['yes', 'no', 'unknown'] as const;
export type Fp8Support = (typeof FP8_SUPPORT)[number];

export const DDR_GENERATIONS = ['ddr3', 'ddr4', 'ddr5', 'lpddr5', 'lpddr5x'] as const;
export type DdrGeneration = (typeof DDR_GENERATIONS)[number];

export const MODULE_FORM_FACTORS = ['udimm', 'rdimm', 'lrdimm', 'sodimm'] as const;

/** How a GPU attaches: a PCIe card, or a module that needs a baseboard made for it (SXM2/4/5/6 for NVIDIA
 *  HGX generations, OAM for AMD Instinct MI250X and later and Intel Gaudi 3). */
export const GPU_FORM_FACTORS = ['pcie', 'sxm2', 'sxm4', 'sxm5', 'sxm6', 'oam'] as const;
export type GpuFormFactor = (typeof GPU_FORM_FACTORS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real calendar date');

const httpsUrl = z.string().regex(/^https:\/\/[^\s]+$/, 'expected an https:// URL');

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lowercase kebab-case id like nvidia-rtx-3090-24gb');

export const SourceSchema = z.strictObject({
  url: httpsUrl.describe(
    'https link to the page showing the fact, from the original publisher where possible',
  ),
  retrievedOn: isoDate.describe('The day the page was read, YYYY-MM-DD'),
  archivedUrl: httpsUrl.optional().describe('A snapshot of the page (e.g. web.archive.org)'),
  title: z.string().min(1).optional().describe('The page title, to find it again if the URL moves'),
});
export type Source = z.infer<typeof SourceSchema>;

const positive = z.number().positive().finite();
const nonNegative = z.number().nonnegative().finite();

export const MemorySchema = z.strictObject({
  /** Total memory of the item in GiB. */
  sizeGiB: positive.describe(
    'Total memory in GiB (2^30 bytes): the marketed GB number, e.g. 24 for a 24 GB card',
  ),
  /** dedicated: a card's own VRAM/HBM; unified: shared CPU/GPU pool; system: DIMM/RAM on a host. */
  type: z.enum(['dedicated', 'unified', 'system']),
  /** Memory technology, e.g. GDDR6X, HBM3e, LPDDR5X, DDR5. */
  technology: z.string().min(1).optional(),
  /** The share the accelerator can use, in GiB, where the vendor documents a limit (e.g. Strix Halo's
   *  GPU-allocatable memory). Leave out when the whole pool is usable. */
  acceleratorUsableGiB: positive
    .optional()
    .describe('GiB the accelerator may use, where the vendor documents a limit'),
  acceleratorUsableSource: SourceSchema.optional(),
});

export const Fp8Schema = z.strictObject({
  native: z.enum(FP8_SUPPORT).describe("Native fp8 matrix math; 'yes'/'no' need a source"),
  /** Where the yes/no comes from (a support matrix, a datasheet). Required unless native is 'unknown'. */
  source: SourceSchema.optional(),
});

/** A CPU platform's memory system: what DIMMs it takes and how many. */
export const MemorySystemSchema = z.strictObject({
  generation: z.enum(DDR_GENERATIONS),
  formFactor: z.enum(MODULE_FORM_FACTORS),
  /** Memory channels across all sockets. */
  channels: z.number().int().positive(),
  dimmsPerChannel: z.number().int().positive(),
  /** Highest supported transfer rate at one DIMM per channel, MT/s. */
  speedMTs: positive,
  /** Largest supported DIMM, GiB. */
  maxDimmGiB: positive,
});

/** Clustering of unified-memory machines over their documented interconnect. */
export const ClusterSchema = z.strictObject({
  maxNodes: z.number().int().min(2),
  interconnect: z.string().min(1),
  /** Per-link bandwidth, GB/s. */
  linkGBps: positive,
  source: SourceSchema,
});

export const HardwareItemSchema = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId.describe('Permanent id, equal to the file name, e.g. nvidia-rtx-3090-24gb'),
  name: z.string().min(1),
  vendor: z.string().min(1),
  kind: z.enum(HARDWARE_KINDS),
  /** gpu: how the card attaches; gpu-host: the GPUs it takes. Absent means PCIe. */
  formFactor: z
    .enum(GPU_FORM_FACTORS)
    .optional()
    .describe('gpu: how it attaches; gpu-host: which GPUs it takes (absent = pcie)'),
  /** Former ids kept so old share links still resolve. */
  aliases: z.array(kebabId).optional(),
  releasedOn: isoDate.describe('First general availability, YYYY-MM-DD'),
  /** When the item stopped being sold new (a configuration pulled from a store, an end-of-life notice).
   *  After this date its new prices no longer count; used prices still do. */
  discontinued: z
    .strictObject({
      on: isoDate.describe('Last day it could be bought new (or the day its removal was first reported)'),
      source: SourceSchema,
    })
    .optional()
    .describe('When the item stopped being sold new; new prices do not count after it'),
  memory: MemorySchema.optional(),
  /** Memory bandwidth of the item, GB/s (1e9 bytes/s). For a cpu-platform, the theoretical peak with every
   *  channel populated at speedMTs. */
  bandwidthGBps: positive.optional().describe('Memory bandwidth in GB/s (1e9 bytes/s)'),
  fp8: Fp8Schema.optional(),
  fp16DenseTflops: positive.optional().describe('Dense (no sparsity) fp16 tensor TFLOPS'),
  fp8DenseTflops: positive.optional().describe('Dense (no sparsity) fp8 tensor TFLOPS'),
  /** Board power / TDP / system power, W. For a host, what the host itself draws without GPUs. */
  powerW: positive.optional().describe('Board power / TDP / system power in W'),
  /** gpu-host: how many GPUs it hosts (slots at the needed width, power and cooling for them). */
  gpuSlots: z.number().int().positive().optional(),
  /** gpu-host: total power supply capacity, W. */
  psuW: positive.optional(),
  /** gpu-host / cpu-platform: the system RAM that comes with it, GiB. */
  systemRamGiB: nonNegative.optional().describe('System RAM included, GiB'),
  /** cpu-platform / gpu-host: CPU sockets. */
  sockets: z.number().int().positive().optional(),
  memorySystem: MemorySystemSchema.optional(),
  /** memory-module: DIMM generation, form factor and speed. */
  module: z
    .strictObject({
      generation: z.enum(DDR_GENERATIONS),
      formFactor: z.enum(MODULE_FORM_FACTORS),
      speedMTs: positive,
    })
    .optional(),
  cluster: ClusterSchema.optional(),
  sources: z.array(SourceSchema).min(1),
  note: z.string().optional(),
});
export type HardwareItem = z.infer<typeof HardwareItemSchema>;

export const PriceObservationSchema = z.strictObject({
  observedOn: isoDate.describe('When the price applied, YYYY-MM-DD'),
  /** Price of ONE unit in USD (a bundle price divided by quantity, see note). */
  priceUsd: positive.describe('USD for ONE unit (a bundle price divided by quantity)'),
  /** The price as published, when it was not USD. */
  original: z.strictObject({ amount: positive, currency: z.string().regex(/^[A-Z]{3}$/) }).optional(),
  market: z.enum(MARKETS),
  condition: z.enum(CONDITIONS),
  /** Where the price applies: 'us', 'eu', 'cn', 'global', ... */
  region: z.string().min(2).describe("Where the price applies: 'us', 'eu', 'cn', 'global', ..."),
  /** How many units the published price covered; priceUsd is already divided by it. */
  quantity: z
    .number()
    .int()
    .positive()
    .default(1)
    .describe('Units the published price covered; priceUsd is already divided by it'),
  source: SourceSchema,
  note: z.string().optional(),
});
export type PriceObservation = z.infer<typeof PriceObservationSchema>;

/** data/prices/<item-id>.json: the append-only price history of one hardware item. */
export const PriceFileSchema = z.strictObject({
  $schema: z.string().optional(),
  itemId: kebabId,
  observations: z.array(PriceObservationSchema).min(1),
});
export type PriceFile = z.infer<typeof PriceFileSchema>;

/** data/series/<id>.json: a published $/GB series that is not tied to one item (long-run DRAM history). */
export const SeriesPointSchema = z.strictObject({
  observedOn: isoDate,
  usdPerGB: positive.describe('USD per marketed GB of DRAM (per GiB, 2^30 bytes)'),
  source: SourceSchema,
  note: z.string().optional(),
});
export const SeriesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId,
  name: z.string().min(1),
  /** What the $/GB is of, e.g. 'dram', 'ddr4', 'ddr5-rdimm'. */
  memoryClass: z.string().min(1),
  points: z.array(SeriesPointSchema).min(1),
});
export type SeriesFile = z.infer<typeof SeriesFileSchema>;

/** The parsed dataset as the core sees it: plain, immutable data. Built once by src/data/parse.ts. */
export interface Dataset {
  items: readonly HardwareItem[];
  /** Observations per item id, sorted by observedOn ascending. */
  prices: Readonly<Record<string, readonly PriceObservation[]>>;
  series: readonly SeriesFile[];
}
