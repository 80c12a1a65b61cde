// The public API of rigcast's pure core. Outside tools call these; keep the signatures stable.
// No React, Zustand, Recharts or DOM here or in anything it imports (enforced by biome.json and
// src/core/tsconfig.json).
export type { Assumption, MemoryEstimate } from './memory/estimate-types';
export type {
  BindingConstraint,
  PurchaseCondition,
  RigComponent,
  RigComponentRole,
  RigConstraints,
  RigEngine,
  RigKind,
  RigQuote,
  RigRequest,
  RigRequestOptions,
  RigSearchFound,
  RigSearchNone,
  RigSearchResult,
} from './rigs/types';
export { BINDING_CONSTRAINTS, PURCHASE_CONDITIONS, RIG_ENGINES, RIG_KINDS } from './rigs/types';
