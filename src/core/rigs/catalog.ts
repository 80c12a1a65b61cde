// The priced catalog: every item with a usable price as of a date, sorted into what rigs are made of.
// Pricing it is most of a search's work and depends only on (dataset, asOf, conditions, age limit), which
// stay fixed while a user drags the model sliders, so the last few are cached per dataset.
import type { Dataset, HardwareItem, PriceObservation } from '../../data/schema';
import { daysBetween } from '../units';
import { dramIndexAdjustment, type IndexAdjustment } from './price-index';
import { latestPerCondition } from './pricing';
import type { PurchaseCondition } from './types';

export interface Priced {
  item: HardwareItem;
  price: PriceObservation;
  /** What one unit costs as of the search date: the observed price, or for a DIMM the observed price moved
   *  by its DRAM series since (price-index.ts). */
  priceUsd: number;
  /** The index adjustment applied, if any. */
  adjustment?: IndexAdjustment;
  /** Days from the observation to the as-of date. */
  ageDays: number;
}

/** A complete GPU server with the GPU item it contains. */
export interface PricedSystem extends Priced {
  gpu: HardwareItem;
  gpuCount: number;
}

/** A platform sold with its DIMMs: the module item and how many. */
export interface IncludedDimms {
  module: HardwareItem;
  count: number;
}

export interface PricedPlatform extends Priced {
  included?: IncludedDimms;
}

export interface PricedCatalog {
  gpus: Priced[];
  /** Cheapest first. */
  hosts: Priced[];
  systems: PricedSystem[];
  unified: Priced[];
  platforms: PricedPlatform[];
  modules: Priced[];
  pricedCount: number;
}

const catalogCache = new WeakMap<Dataset, Map<string, PricedCatalog>>();
const CATALOG_CACHE_ENTRIES = 32;

export function catalog(
  dataset: Dataset,
  asOf: string,
  conditions: readonly PurchaseCondition[],
  notBefore: string,
): PricedCatalog {
  const key = `${asOf}|${notBefore}|${[...conditions].sort().join(',')}`;
  let perDataset = catalogCache.get(dataset);
  if (perDataset === undefined) {
    perDataset = new Map();
    catalogCache.set(dataset, perDataset);
  }
  const cached = perDataset.get(key);
  if (cached !== undefined) return cached;
  const built = buildCatalog(dataset, asOf, conditions, notBefore);
  if (perDataset.size >= CATALOG_CACHE_ENTRIES) {
    const oldest = perDataset.keys().next().value;
    if (oldest !== undefined) perDataset.delete(oldest);
  }
  perDataset.set(key, built);
  return built;
}

function buildCatalog(
  dataset: Dataset,
  asOf: string,
  conditions: readonly PurchaseCondition[],
  notBefore: string,
): PricedCatalog {
  const byId = new Map(dataset.items.map((i) => [i.id, i]));
  const result: PricedCatalog = {
    gpus: [],
    hosts: [],
    systems: [],
    unified: [],
    platforms: [],
    modules: [],
    pricedCount: 0,
  };
  for (const item of dataset.items) {
    // A discontinued item can still be bought used, but its last new price no longer applies.
    const sold =
      item.discontinued !== undefined && asOf > item.discontinued.on
        ? conditions.filter((c) => c !== 'new')
        : conditions;
    const latest = latestPerCondition(dataset.prices[item.id], {
      asOf,
      conditions: sold,
      notBefore,
      releasedOn: item.releasedOn,
    });
    let priced: Priced | undefined;
    for (const price of latest) {
      const adjustment = dramIndexAdjustment(dataset, item, price.observedOn, asOf);
      const candidate: Priced = {
        item,
        price,
        priceUsd: price.priceUsd * (adjustment?.factor ?? 1),
        ageDays: daysBetween(price.observedOn, asOf),
      };
      if (adjustment) candidate.adjustment = adjustment;
      if (priced === undefined || candidate.priceUsd < priced.priceUsd) priced = candidate;
    }
    if (priced === undefined) continue;
    result.pricedCount++;
    switch (item.kind) {
      case 'gpu':
        if (item.memory && item.bandwidthGBps) result.gpus.push(priced);
        break;
      case 'gpu-host':
        result.hosts.push(priced);
        break;
      case 'gpu-system': {
        const gpu = item.gpus ? byId.get(item.gpus.itemId) : undefined;
        if (gpu?.kind === 'gpu' && gpu.memory && gpu.bandwidthGBps && item.gpus) {
          result.systems.push({ ...priced, gpu, gpuCount: item.gpus.count });
        }
        break;
      }
      case 'unified':
        if (item.memory && item.bandwidthGBps) result.unified.push(priced);
        break;
      case 'cpu-platform': {
        if (!item.memorySystem) break;
        const inc = item.includedMemory;
        const module = inc ? byId.get(inc.itemId) : undefined;
        if (inc !== undefined) {
          // Included DIMMs must be a known module that fits the board's slots.
          const slots = item.memorySystem.channels * item.memorySystem.dimmsPerChannel;
          if (module?.kind !== 'memory-module' || !module.memory || inc.count > slots) break;
          result.platforms.push({ ...priced, included: { module, count: inc.count } });
        } else {
          result.platforms.push(priced);
        }
        break;
      }
      case 'memory-module':
        if (item.memory && item.module) result.modules.push(priced);
        break;
    }
  }
  result.hosts.sort((a, b) => a.priceUsd - b.priceUsd);
  return result;
}
