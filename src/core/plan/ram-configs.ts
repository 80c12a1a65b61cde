// Common system-RAM setups for "what does my hardware run", when the CPU platform is not one in the dataset:
// the DDR generation, transfer rate and populated channels a person can read off their build. Their peak
// bandwidth is a formula, not a measurement: channels x MT/s x 8 bytes per transfer (a 64-bit channel,
// DDR_BYTES_PER_TRANSFER in src/core/rigs/constants.ts), the same the rig search uses for DIMM fills.
import { BYTES_PER_GB, DDR_BYTES_PER_TRANSFER } from '../rigs/constants';

export interface RamConfig {
  /** Permanent id (it appears in share links). */
  id: string;
  label: string;
  generation: 'ddr4' | 'ddr5';
  speedMTs: number;
  channels: number;
}

/** Desktop dual channel (two DIMMs or four at 2 per channel), then workstation and server channel counts. */
export const RAM_CONFIGS = [
  {
    id: 'ddr4-2666-2ch',
    label: 'DDR4-2666, 2 channels (desktop)',
    generation: 'ddr4',
    speedMTs: 2666,
    channels: 2,
  },
  {
    id: 'ddr4-3200-2ch',
    label: 'DDR4-3200, 2 channels (desktop)',
    generation: 'ddr4',
    speedMTs: 3200,
    channels: 2,
  },
  {
    id: 'ddr4-3600-2ch',
    label: 'DDR4-3600, 2 channels (desktop)',
    generation: 'ddr4',
    speedMTs: 3600,
    channels: 2,
  },
  {
    id: 'ddr5-4800-2ch',
    label: 'DDR5-4800, 2 channels (desktop)',
    generation: 'ddr5',
    speedMTs: 4800,
    channels: 2,
  },
  {
    id: 'ddr5-5600-2ch',
    label: 'DDR5-5600, 2 channels (desktop)',
    generation: 'ddr5',
    speedMTs: 5600,
    channels: 2,
  },
  {
    id: 'ddr5-6000-2ch',
    label: 'DDR5-6000, 2 channels (desktop)',
    generation: 'ddr5',
    speedMTs: 6000,
    channels: 2,
  },
  {
    id: 'ddr5-6400-2ch',
    label: 'DDR5-6400, 2 channels (desktop)',
    generation: 'ddr5',
    speedMTs: 6400,
    channels: 2,
  },
  {
    id: 'ddr4-2933-4ch',
    label: 'DDR4-2933, 4 channels (HEDT)',
    generation: 'ddr4',
    speedMTs: 2933,
    channels: 4,
  },
  {
    id: 'ddr4-3200-4ch',
    label: 'DDR4-3200, 4 channels (HEDT)',
    generation: 'ddr4',
    speedMTs: 3200,
    channels: 4,
  },
  {
    id: 'ddr4-2666-6ch',
    label: 'DDR4-2666, 6 channels (Xeon Scalable)',
    generation: 'ddr4',
    speedMTs: 2666,
    channels: 6,
  },
  {
    id: 'ddr4-3200-8ch',
    label: 'DDR4-3200, 8 channels (EPYC, Threadripper PRO)',
    generation: 'ddr4',
    speedMTs: 3200,
    channels: 8,
  },
  {
    id: 'ddr5-4800-8ch',
    label: 'DDR5-4800, 8 channels (Xeon, Threadripper PRO)',
    generation: 'ddr5',
    speedMTs: 4800,
    channels: 8,
  },
  {
    id: 'ddr5-4800-12ch',
    label: 'DDR5-4800, 12 channels (EPYC Genoa)',
    generation: 'ddr5',
    speedMTs: 4800,
    channels: 12,
  },
  {
    id: 'ddr5-6000-12ch',
    label: 'DDR5-6000, 12 channels (EPYC Turin)',
    generation: 'ddr5',
    speedMTs: 6000,
    channels: 12,
  },
] as const satisfies readonly RamConfig[];
export type RamConfigId = (typeof RAM_CONFIGS)[number]['id'];
export const RAM_CONFIG_IDS: readonly RamConfigId[] = RAM_CONFIGS.map((c) => c.id);

/** Peak bandwidth of channels x speedMTs, GB/s (1e9 bytes/s). */
export function ramBandwidthGBps(config: Pick<RamConfig, 'channels' | 'speedMTs'>): number {
  return (config.channels * config.speedMTs * 1e6 * DDR_BYTES_PER_TRANSFER) / BYTES_PER_GB;
}

export function ramConfigById(id: string): RamConfig | undefined {
  return RAM_CONFIGS.find((c) => c.id === id);
}
