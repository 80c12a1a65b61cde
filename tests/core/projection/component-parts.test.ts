// The component estimate of a month from GPUs in host bays and DIMMs in board slots, on the rig search's
// hand-made fixture items with prices chosen here. Every expected figure is worked out by hand from the items'
// specs: an NVIDIA card's usable memory is its size less the 457 MiB CUDA context; a bay costs a host's price
// over its bay count; a slot costs a platform's price over channels x DIMMs per channel.
import { describe, expect, it } from 'vitest';
import { componentPoint, GOOD_FP8_MIN_GBPS_PER_GIB } from '../../../src/core/projection/components';
import type { Dataset, HardwareItem, PriceObservation } from '../../../src/data/schema';
import { items } from '../rigs/fixture';

const GIB = 2 ** 30;
const MONTH = '2024-01';
const AS_OF = '2024-01-31';

function price(
  priceUsd: number,
  observedOn = '2024-01-10',
  condition: 'new' | 'used' = 'new',
): PriceObservation {
  return {
    observedOn,
    priceUsd,
    market: condition === 'new' ? 'retail' : 'used',
    condition,
    region: 'us',
    quantity: 1,
    source: { url: `https://example.org/${priceUsd}`, retrievedOn: observedOn },
  };
}

const item = (id: string) => items.find((i) => i.id === id) as HardwareItem;

// Card 24 GB (3-slot, open air) $650, Card 12 GB (2-slot, open air) $250, Card 80 GB fp8 (2-slot, passive)
// $25,000. Host 4 slots (open frame, 3-slot bays) $800: $200 a bay. Host 8 slots (server airflow, 2-slot bays)
// $800: $100 a bay, but it takes neither open-air card. EPYC 12-channel (24 slots, 256 GB DIMMs at most)
// $2,400: $100 a slot. 32 GB RDIMM $150, 64 GB RDIMM $280.
const basePrices: Record<string, PriceObservation[]> = {
  'gpu-12gb': [price(250)],
  'gpu-24gb': [price(650)],
  'gpu-80gb-fp8': [price(25_000)],
  'host-4': [price(800)],
  'host-8': [price(800)],
  'epyc-12ch': [price(2400)],
  'rdimm-32': [price(150)],
  'rdimm-64': [price(280)],
};

function dataset(extraItems: HardwareItem[] = [], prices: Record<string, PriceObservation[]> = {}): Dataset {
  return { items: [...items, ...extraItems], prices: { ...basePrices, ...prices }, series: [] };
}

const at = (ds: Dataset, rigClass: 'good-fp8' | 'gpu-unified' | 'any', gib: number) =>
  componentPoint(ds, rigClass, gib * GIB, MONTH, AS_OF, ['new', 'used']);

const usable24 = 24 - 457 / 1024;
const usable80 = 80 - 457 / 1024;

describe('componentPoint: GPUs in host bays', () => {
  it('100 GiB of any GPU memory: five 24 GB cards in bays of the 4-slot host (the cheaper 8-slot bays do not take them)', () => {
    const p = at(dataset(), 'gpu-unified', 100);
    expect(p).toMatchObject({
      month: MONTH,
      date: AS_OF,
      memoryItemId: 'gpu-24gb',
      memoryItemName: 'Card 24 GB',
      devices: 5,
      joinUsd: 1000,
      joinLabel: 'a bay of Host 4 slots',
      estimateUsd: 5 * (650 + 200),
    });
    expect(p?.memoryUsdPerGiB).toBeCloseTo(650 / usable24, 9);
  });

  it('64 GiB: three 24 GB cards ($2,550) beat six 12 GB cards ($2,700)', () => {
    const p = at(dataset(), 'gpu-unified', 64);
    expect(p?.memoryItemId).toBe('gpu-24gb');
    expect(p?.devices).toBe(3);
    expect(p?.estimateUsd).toBe(2550);
    // A cheaper 12 GB card turns it: six at $150 + $200 = $2,100.
    const q = at(dataset([], { 'gpu-12gb': [price(150)] }), 'gpu-unified', 64);
    expect(q?.memoryItemId).toBe('gpu-12gb');
    expect(q?.estimateUsd).toBe(6 * 350);
  });

  it('an equal estimate keeps the first option found (ties do not switch)', () => {
    // Six 12 GB cards at $225 + $200 = $2,550, the same as three 24 GB cards: the card listed first stays.
    const p = at(dataset([], { 'gpu-12gb': [price(225)] }), 'gpu-unified', 64);
    expect(p?.estimateUsd).toBe(2550);
    expect(p?.memoryItemId).toBe('gpu-12gb');
  });

  it('at most eight cards: 8 x 80 GB holds 636 GiB, not 637', () => {
    expect(8 * usable80).toBeGreaterThan(636);
    expect(8 * usable80).toBeLessThan(637);
    const p = at(dataset(), 'gpu-unified', 636);
    expect(p).toMatchObject({
      memoryItemId: 'gpu-80gb-fp8',
      devices: 8,
      joinUsd: 800,
      estimateUsd: 8 * 25_100,
    });
    expect(at(dataset(), 'gpu-unified', 637)).toBeNull();
  });

  it('200 GiB: nine 24 GB cards would be more than eight, so three 80 GB cards in 8-slot bays', () => {
    const p = at(dataset(), 'gpu-unified', 200);
    expect(p).toMatchObject({ memoryItemId: 'gpu-80gb-fp8', devices: 3, joinLabel: 'a bay of Host 8 slots' });
    expect(p?.memoryUsdPerGiB).toBeCloseTo(25_000 / usable80, 9);
  });

  it('a passive card never takes an open-frame bay, however cheap', () => {
    const p = at(dataset([], { 'host-4': [price(100)] }), 'good-fp8', 64);
    expect(p?.joinLabel).toBe('a bay of Host 8 slots');
    expect(p?.joinUsd).toBe(100);
  });

  it('without a host that takes the card there is no GPU option', () => {
    const ds = dataset();
    ds.prices = { ...ds.prices, 'host-8': [] };
    expect(at(ds, 'good-fp8', 64)).toBeNull();
    // The open-air cards still have the 4-slot host.
    expect(at(ds, 'gpu-unified', 64)?.memoryItemId).toBe('gpu-24gb');
  });

  it('a host with no bays is not a host for this', () => {
    const bayless: HardwareItem = {
      ...item('host-8'),
      id: 'host-0',
      name: 'Host 0 slots',
      gpuBays: { ...(item('host-8').gpuBays as NonNullable<HardwareItem['gpuBays']>), count: 0 },
    };
    const p = at(dataset([bayless], { 'host-0': [price(1)] }), 'good-fp8', 64);
    expect(p?.joinLabel).toBe('a bay of Host 8 slots');
  });

  it('a card whose memory is all CUDA context is skipped', () => {
    const tiny: HardwareItem = {
      ...item('gpu-12gb'),
      id: 'gpu-tiny',
      name: 'Card 0.4 GB',
      memory: { sizeGiB: 0.4, type: 'dedicated' },
    };
    expect(at(dataset([tiny], { 'gpu-tiny': [price(1)] }), 'gpu-unified', 64)?.memoryItemId).toBe('gpu-24gb');
  });

  it('a price older than a year is not a part price', () => {
    const p = at(dataset([], { 'gpu-24gb': [price(650, '2022-12-01')] }), 'gpu-unified', 64);
    expect(p?.memoryItemId).toBe('gpu-12gb');
  });
});

describe('componentPoint: good fp8', () => {
  it('only native-fp8 cards that vLLM runs with fp8 count', () => {
    const p = at(dataset(), 'good-fp8', 100);
    expect(p).toMatchObject({ memoryItemId: 'gpu-80gb-fp8', devices: 2, estimateUsd: 2 * 25_100 });
  });

  const slow = (gbps: number): HardwareItem => ({
    ...item('gpu-80gb-fp8'),
    id: 'gpu-80gb-slow',
    name: 'Card 80 GB fp8 slow',
    bandwidthGBps: gbps,
  });
  it('bandwidth per usable GiB at the minimum is good; just under it is not', () => {
    const limit = GOOD_FP8_MIN_GBPS_PER_GIB * usable80;
    // 10 tok/s x 37/671 of the bytes read per token / 0.78 efficiency, per GiB: 0.759 GB/s.
    expect(GOOD_FP8_MIN_GBPS_PER_GIB).toBeCloseTo((10 * (37 / 671) * 2 ** 30) / 0.78e9, 12);
    const cheap = { 'gpu-80gb-slow': [price(5000)] };
    expect(at(dataset([slow(limit * 1.000001)], cheap), 'good-fp8', 64)?.memoryItemId).toBe('gpu-80gb-slow');
    expect(at(dataset([slow(limit * 0.999999)], cheap), 'good-fp8', 64)?.memoryItemId).toBe('gpu-80gb-fp8');
    // Any GPU memory has no bandwidth rule.
    expect(at(dataset([slow(limit * 0.5)], cheap), 'gpu-unified', 200)?.memoryItemId).toBe('gpu-80gb-slow');
  });

  it('a card without a stated bandwidth is not good fp8', () => {
    const { bandwidthGBps: _b, ...rest } = slow(3000);
    expect(
      at(dataset([rest as HardwareItem], { 'gpu-80gb-slow': [price(5000)] }), 'good-fp8', 64)?.memoryItemId,
    ).toBe('gpu-80gb-fp8');
  });

  it('a Hopper card the item says has no native fp8 is not good fp8, though vLLM would run it', () => {
    const noFp8: HardwareItem = {
      ...item('gpu-80gb-fp8'),
      id: 'gpu-80gb-nofp8',
      name: 'Card 80 GB without fp8',
      fp8: { native: 'no', source: { url: 'https://example.org', retrievedOn: '2024-01-01' } },
    };
    const ds = dataset([noFp8], { 'gpu-80gb-nofp8': [price(100)] });
    expect(at(ds, 'good-fp8', 64)?.memoryItemId).toBe('gpu-80gb-fp8');
    expect(at(ds, 'gpu-unified', 64)?.memoryItemId).toBe('gpu-80gb-nofp8');
  });

  it('a card without native fp8 is not good fp8, a Pascal card not even any-GPU on vLLM', () => {
    expect(at(dataset(), 'good-fp8', 20)?.memoryItemId).toBe('gpu-80gb-fp8');
    const pascal: HardwareItem = {
      ...item('gpu-80gb-fp8'),
      id: 'gpu-pascal',
      name: 'Pascal fp8?',
      architecture: {
        name: 'Pascal',
        target: 'sm_60',
        source: { url: 'https://example.org', retrievedOn: '2024-01-01' },
      },
    };
    expect(at(dataset([pascal], { 'gpu-pascal': [price(100)] }), 'good-fp8', 64)?.memoryItemId).toBe(
      'gpu-80gb-fp8',
    );
  });
});

describe('componentPoint: DIMMs in board slots (any memory)', () => {
  it('600 GiB: ten 64 GB RDIMMs at $280 + a $100 slot', () => {
    const p = at(dataset(), 'any', 600);
    expect(p).toMatchObject({
      memoryItemId: 'rdimm-64',
      memoryUsdPerGiB: 280 / 64,
      devices: 10,
      joinUsd: 1000,
      joinLabel: 'a slot of EPYC 12-channel',
      estimateUsd: 3800,
    });
  });

  it('DIMMs count only for the any-memory class', () => {
    expect(at(dataset(), 'gpu-unified', 64)?.memoryItemId).toBe('gpu-24gb');
    expect(at(dataset(), 'any', 64)?.memoryItemId).toBe('rdimm-64');
  });

  it('24 slots: 24 x 64 GB holds 1536 GiB, 1537 needs a 25th', () => {
    expect(at(dataset(), 'any', 1536)).toMatchObject({
      memoryItemId: 'rdimm-64',
      devices: 24,
      joinUsd: 2400,
    });
    expect(at(dataset(), 'any', 1537)).toBeNull();
  });

  const big = (gib: number): HardwareItem => ({
    ...item('rdimm-64'),
    id: `rdimm-${gib}`,
    name: `${gib} GB RDIMM`,
    memory: { sizeGiB: gib, type: 'system' },
  });
  it('a DIMM at the board largest size is taken, one larger is not', () => {
    const p = at(dataset([big(256)], { 'rdimm-256': [price(500)] }), 'any', 600);
    expect(p).toMatchObject({ memoryItemId: 'rdimm-256', devices: 3, estimateUsd: 3 * 600 });
    const q = at(dataset([big(512)], { 'rdimm-512': [price(500)] }), 'any', 600);
    expect(q?.memoryItemId).toBe('rdimm-64');
  });

  it('a DIMM the board does not take (DDR4 on a DDR5 board) or of no size is skipped', () => {
    const ddr4: HardwareItem = {
      ...item('rdimm-64'),
      id: 'ddr4-64',
      name: '64 GB DDR4 RDIMM',
      module: { generation: 'ddr4', formFactor: 'rdimm', speedMTs: 3200 },
    };
    const empty: HardwareItem = {
      ...big(64),
      id: 'rdimm-0',
      name: '0 GB',
      memory: { sizeGiB: 0, type: 'system' },
    };
    const p = at(dataset([ddr4, empty], { 'ddr4-64': [price(10)], 'rdimm-0': [price(1)] }), 'any', 600);
    expect(p?.memoryItemId).toBe('rdimm-64');
  });

  it('a cheaper board per slot sets the slot price', () => {
    const board: HardwareItem = { ...item('epyc-12ch'), id: 'epyc-b', name: 'EPYC B' };
    const p = at(dataset([board], { 'epyc-b': [price(1200)] }), 'any', 600);
    expect(p?.joinLabel).toBe('a slot of EPYC B');
    expect(p?.joinUsd).toBe(500);
    // A dearer one does not.
    const q = at(dataset([board], { 'epyc-b': [price(4800)] }), 'any', 600);
    expect(q?.joinLabel).toBe('a slot of EPYC 12-channel');
  });
});
