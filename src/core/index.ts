// The public API of rigcast's pure core. Outside tools call these; keep the signatures stable.
// No React, Zustand, Recharts or DOM here or in anything it imports (enforced by biome.json and
// src/core/tsconfig.json).
export type { Assumption, MemoryEstimate } from './memory/estimate-types';
