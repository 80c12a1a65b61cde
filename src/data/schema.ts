// The single source of truth for the dataset's shape: TypeScript types, validation and the generated
// JSON Schema (scripts/gen-json-schema.ts writes data/schema/*.json from these) all come from here.
// Units: memory in GiB (2^30 bytes), bandwidth in GB/s (1e9 bytes/s), power in W, prices in USD.
// data/README.md explains each field; keep the two in step.
import { z } from 'zod';
import { isIsoDate } from '../core/units.ts';

export const HARDWARE_KINDS = [
  'gpu', // a GPU or accelerator card/module with its own memory
  'unified', // a complete unified-memory machine (Mac Studio, Ryzen AI Max, DGX Spark...)
  'cpu-platform', // a CPU server or workstation without DIMMs: board + CPU(s) + chassis + PSU
  'memory-module', // one DIMM
  'gpu-host', // a host platform for N GPUs, without the GPUs: board, CPU, RAM, PSU, chassis
  'gpu-system', // a complete machine sold with its GPUs (an HGX/OAM server, a used 8-GPU box): one price
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

/** How a card is cooled: 'passive' server cards need a chassis that pushes air through them; 'blower'
 *  cards exhaust out of the back and stack; 'open-air' cards need free space beside their fans. */
export const CARD_COOLING = ['passive', 'blower', 'open-air', 'liquid'] as const;
export type CardCooling = (typeof CARD_COOLING)[number];

/** How a host moves air past its GPUs: 'server' = front-to-back fans sized for passive cards; 'case' = a
 *  desktop or workstation case with case fans (open-air and blower cards); 'open-frame' = a mining frame or
 *  test bench with the cards on risers in open air. */
export const HOST_AIRFLOW = ['server', 'case', 'open-frame'] as const;
export type HostAirflow = (typeof HOST_AIRFLOW)[number];

/** The instruction-set target engines are built for: CUDA compute capability (sm_61), AMD gfx target
 *  (gfx906, gfx90a, gfx1151), Apple GPU family (apple-m3), Intel GPU architecture (intel-xe-hpg = Arc A,
 *  intel-xe2 = Arc B, intel-gaudi3), or a CPU's x86-64 level (x86-64-v3 = AVX2, x86-64-v4 = AVX-512,
 *  x86-64-v4-amx = AVX-512 + AMX) / arm64. */
export const TARGET_PATTERN =
  /^(sm_\d{2,3}|gfx[0-9a-f]{3,4}|apple-m\d|intel-(xe-hpg|xe2|xe-hpc|gaudi\d)|x86-64-v[34](-amx)?|arm64)$/;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine(isIsoDate, 'not a real calendar date');

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

/** A CPU platform's memory system: what DIMMs it takes and how many, as the board has them (channels x
 *  DIMMs per channel = the board's DIMM slots). */
export const MemorySystemSchema = z.strictObject({
  generation: z.enum(DDR_GENERATIONS),
  formFactor: z.enum(MODULE_FORM_FACTORS),
  /** Memory channels across all sockets. */
  channels: z.number().int().positive(),
  /** DIMM slots per channel on this board (1 = one DIMM per channel). */
  dimmsPerChannel: z.number().int().positive(),
  /** Highest supported transfer rate at one DIMM per channel, MT/s. */
  speedMTs: positive,
  /** Transfer rate with two DIMMs in every channel, MT/s, where the board or CPU vendor states it. */
  speedMTs2Dpc: positive.optional(),
  /** Largest supported DIMM, GiB. */
  maxDimmGiB: positive,
  /** The board manual or spec page that shows the slots, speeds and largest DIMM. */
  source: SourceSchema.optional(),
});

/** What a host offers GPUs: how many, how wide, how cooled and how connected, from the board or chassis
 *  manual. Every bay is assumed filled when the width is read (the widest card that still fits N-up). */
export const GpuBaysSchema = z.strictObject({
  /** GPUs the host takes at once. */
  count: z.number().int().positive(),
  /** Widest card, in expansion slots, that fits in every bay with all bays filled. */
  maxSlotWidth: z.number().int().min(1).max(5),
  airflow: z.enum(HOST_AIRFLOW),
  /** PCIe lanes each GPU gets with all bays filled (1 on a mining board's x1 risers). */
  pcieLanes: z.number().int().min(1).max(16),
  source: SourceSchema,
});

/** What engines are built for: the architecture's name and its target (see TARGET_PATTERN). */
export const ArchitectureSchema = z.strictObject({
  /** e.g. 'Pascal', 'Ampere', 'CDNA 3', 'RDNA 3', 'Apple M3', 'Zen 4'. */
  name: z.string().min(1),
  target: z.string().regex(TARGET_PATTERN, 'expected a target like sm_86, gfx1100, apple-m3, x86-64-v4'),
  source: SourceSchema,
});

/** A PCIe card's physical fit: expansion slots it occupies and how it is cooled. */
export const CardSchema = z.strictObject({
  slotWidth: z.number().int().min(1).max(5),
  cooling: z.enum(CARD_COOLING),
  source: SourceSchema,
});

/** A count of another item that comes inside this one (the GPUs of a gpu-system, the DIMMs a used server is
 *  sold with). */
export const IncludedItemsSchema = z.strictObject({
  itemId: kebabId,
  count: z.number().int().positive(),
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
  /** gpu / unified / cpu-platform: the architecture engines are built for. */
  architecture: ArchitectureSchema.optional(),
  /** gpu (PCIe): slot width and cooling. */
  card: CardSchema.optional(),
  fp16DenseTflops: positive.optional().describe('Dense (no sparsity) fp16 tensor TFLOPS'),
  fp8DenseTflops: positive.optional().describe('Dense (no sparsity) fp8 tensor TFLOPS'),
  /** Board power / TDP / system power, W. For a host, what the host itself draws without GPUs. */
  powerW: positive.optional().describe('Board power / TDP / system power in W'),
  /** Deprecated, replaced by gpuBays.count: how many GPUs a gpu-host takes. */
  gpuSlots: z.number().int().positive().optional(),
  /** gpu-host / cpu-platform: the GPUs it takes (required for a host to be offered with GPUs). */
  gpuBays: GpuBaysSchema.optional(),
  /** gpu-host / cpu-platform / gpu-system: total power supply capacity, W (required wherever GPUs go in). */
  psuW: positive.optional(),
  /** gpu-host / cpu-platform: the system RAM that comes with it, GiB. */
  systemRamGiB: nonNegative.optional().describe('System RAM included, GiB'),
  /** cpu-platform / gpu-host: CPU sockets. */
  sockets: z.number().int().positive().optional(),
  memorySystem: MemorySystemSchema.optional(),
  /** cpu-platform: DIMMs included in the price (a used server sold with its RAM); they fill its slots. */
  includedMemory: IncludedItemsSchema.optional(),
  /** gpu-system: the GPUs it comes with (a gpu item and how many). */
  gpus: IncludedItemsSchema.optional(),
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
  /** A quoted range the price is the midpoint of (sold listings' spread, a dealer's range). */
  range: z
    .strictObject({ lowUsd: positive, highUsd: positive })
    .optional()
    .describe('A quoted range; priceUsd is its midpoint'),
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
