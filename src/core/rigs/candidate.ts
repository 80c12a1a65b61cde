// A configuration the search has built: the few numbers the filters need, and a build() that makes the
// full RigQuote only for the rigs that are returned.
import type { Fp8Support, HardwareItem } from '../../data/schema';
import type { Priced } from './catalog';
import { FRESH_PRICE_DAYS } from './constants';
import { purchaseConditionOf } from './pricing';
import type { RigComponent, RigComponentRole, RigKind, RigQuote, RigRequest } from './types';

export interface Candidate {
  id: string;
  kind: RigKind;
  totalPriceUsd: number;
  decodeTokensPerSecond: number;
  prefillTokensPerSecond: number | undefined;
  bandwidthGBps: number;
  powerW: number;
  /** False when a part's power draw is missing from the dataset (powerW then undercounts). */
  powerKnown: boolean;
  fp8: Fp8Support;
  /** Why the request's engine cannot run this rig (the 'engine' filter), if it cannot. */
  engineBlock?: string;
  build: () => RigQuote;
}

export interface QuotePart {
  priced: Priced;
  role: RigComponentRole;
  quantity: number;
}

export interface QuoteParts {
  id: string;
  kind: RigKind;
  label: string;
  parts: QuotePart[];
  usableBytes: number;
  gpuUsableBytes?: number;
  bandwidthGBps: number;
  decodeTokensPerSecond: number;
  prefillTokensPerSecond: number | undefined;
  powerW: number;
  /** Items whose power is not in the dataset, beyond what missingPower finds in the parts. */
  unknownPower?: string[];
  fp8: Fp8Support;
  notes: string[];
  engineBlock?: string;
}

export function fp8Of(item: HardwareItem): Fp8Support {
  return item.fp8?.native ?? 'unknown';
}

function component(p: Priced, role: RigComponentRole, quantity: number): RigComponent {
  return {
    itemId: p.item.id,
    name: p.item.name,
    role,
    quantity,
    unitPriceUsd: p.priceUsd,
    observedPriceUsd: p.price.priceUsd,
    observedOn: p.price.observedOn,
    ageDays: p.ageDays,
    market: p.price.market,
    condition: p.price.condition,
    sourceUrl: p.price.source.url,
  };
}

function priceNotes(parts: readonly Priced[]): string[] {
  const notes: string[] = [];
  for (const p of parts) {
    if (p.ageDays > FRESH_PRICE_DAYS) {
      notes.push(
        `${p.item.name}: newest price is ${Math.round(p.ageDays / 30)} months old (${p.price.observedOn}).`,
      );
    }
    if (purchaseConditionOf(p.price) === 'used') notes.push(`${p.item.name}: ${p.price.condition} price.`);
  }
  return notes;
}

/** Parts whose power the rig's powerW should include (DIMMs are not counted, see the quote notes). */
function missingPower(q: QuoteParts): string[] {
  return q.parts
    .filter((p) => p.role !== 'memory-module' && p.priced.item.powerW === undefined)
    .map((p) => p.priced.item.name);
}

export function candidate(q: QuoteParts, request: RigRequest): Candidate {
  let total = 0;
  for (const part of q.parts) total += part.priced.priceUsd * part.quantity;
  const unknownPower = [...missingPower(q), ...(q.unknownPower ?? [])];
  const c: Candidate = {
    id: q.id,
    kind: q.kind,
    totalPriceUsd: total,
    decodeTokensPerSecond: q.decodeTokensPerSecond,
    prefillTokensPerSecond: q.prefillTokensPerSecond,
    bandwidthGBps: q.bandwidthGBps,
    powerW: q.powerW,
    powerKnown: unknownPower.length === 0,
    fp8: q.fp8,
    build: () => {
      const quote: RigQuote = {
        id: q.id,
        kind: q.kind,
        label: q.label,
        components: q.parts.map((p) => component(p.priced, p.role, p.quantity)),
        totalPriceUsd: total,
        usableBytes: q.usableBytes,
        headroomBytes: q.usableBytes - Math.max(0, request.acceleratorBytes),
        bandwidthGBps: q.bandwidthGBps,
        decodeTokensPerSecond: q.decodeTokensPerSecond,
        powerW: q.powerW,
        powerKnown: unknownPower.length === 0,
        usdPerTokenPerSecond: total / q.decodeTokensPerSecond,
        fp8: q.fp8,
        notes: [
          ...(q.engineBlock ? [`Does not run: ${q.engineBlock}.`] : []),
          ...q.notes,
          ...(unknownPower.length > 0
            ? [`Power draw not in the dataset for: ${unknownPower.join(', ')}; powerW leaves it out.`]
            : []),
          ...priceNotes(q.parts.map((p) => p.priced)),
        ],
      };
      if (q.prefillTokensPerSecond !== undefined) quote.prefillTokensPerSecond = q.prefillTokensPerSecond;
      if (q.gpuUsableBytes !== undefined) quote.gpuUsableBytes = q.gpuUsableBytes;
      return quote;
    },
  };
  if (q.engineBlock !== undefined) c.engineBlock = q.engineBlock;
  return c;
}

/** How many devices of perDeviceBytes hold needBytes (at least one). */
export function devicesFor(needBytes: number, perDeviceBytes: number): number {
  if (needBytes <= 0) return 1;
  if (perDeviceBytes <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(needBytes / perDeviceBytes);
}
