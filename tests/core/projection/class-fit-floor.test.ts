// The any-memory class is fitted only from the first month a CPU-memory rig is its cheapest: before that the
// dataset prices no CPU server of the size, and a GPU server's price says nothing about CPU memory's
// (issue 11: never claim more than the data has). Series with known answers, at the floor's edges.
import { describe, expect, it } from 'vitest';
import { type DatedPrice, projectRigCost } from '../../../src/core/projection/project';
import { classFitFloor } from '../../../src/core/projection/rig-classes';
import type { RigKind } from '../../../src/core/rigs/types';

const pt = (date: string, rigKind: RigKind) => ({ date, rigKind });

describe('classFitFloor', () => {
  it('starts the any-memory fit at the first month a CPU server or hybrid is the cheapest', () => {
    const floor = classFitFloor('any', [
      pt('2024-11-30', 'multi-gpu'),
      pt('2024-12-31', 'unified'),
      pt('2025-01-31', 'cpu-server'),
      pt('2025-02-28', 'unified'),
    ]);
    expect(floor?.date).toBe('2025-01-01');
    expect(floor?.reason).toContain('2 months left out');
    expect(
      classFitFloor('any', [pt('2024-11-30', 'multi-gpu'), pt('2024-12-31', 'gpu-ram-hybrid')])?.date,
    ).toBe('2024-12-01');
  });
  it('no floor when the first month is already a CPU rig, when none ever is, or for the GPU classes', () => {
    expect(classFitFloor('any', [pt('2024-11-30', 'cpu-server'), pt('2024-12-31', 'multi-gpu')])).toBeNull();
    expect(classFitFloor('any', [pt('2024-11-30', 'multi-gpu'), pt('2024-12-31', 'unified')])).toBeNull();
    expect(classFitFloor('any', [])).toBeNull();
    const gpuFirst = [pt('2024-11-30', 'multi-gpu'), pt('2024-12-31', 'cpu-server')];
    expect(classFitFloor('gpu-unified', gpuFirst)).toBeNull();
    expect(classFitFloor('good-fp8', gpuFirst)).toBeNull();
  });
  it('says one month in the singular', () => {
    expect(
      classFitFloor('any', [pt('2024-11-30', 'multi-gpu'), pt('2024-12-31', 'cpu-server')])?.reason,
    ).toContain('(1 month left out)');
  });
});

describe('projectRigCost with a fit floor', () => {
  // $100,000 GPU servers through 2024, then a CPU server that halves yearly from $16,000 in January 2025
  // to $2,000 in January 2028: $1,000 on 1 January 2029.
  const series: DatedPrice[] = [
    { date: '2023-01-01', priceUsd: 100_000 },
    { date: '2024-01-01', priceUsd: 100_000 },
    { date: '2025-01-01', priceUsd: 16_000 },
    { date: '2026-01-01', priceUsd: 8000 },
    { date: '2027-01-01', priceUsd: 4000 },
    { date: '2028-01-01', priceUsd: 2000 },
  ];
  const floor = { date: '2025-01-01', reason: 'no CPU server before' };

  it('fits only the points on or after the floor (the floor day itself included)', () => {
    const p = projectRigCost(series, { thresholdUsd: 1000, horizonYear: 2035, fitFrom: floor });
    expect(p.fit).toMatchObject({
      annualChange: -0.5,
      pointsUsed: 4,
      firstDate: '2025-01-01',
      excludedBeforeStart: 2,
    });
    expect(p.outcome).toMatchObject({ kind: 'crosses', date: '2029-01-01' });
    expect(p.assumptions.find((a) => a.id === 'projection-fit-floor')?.text).toBe(
      'Fit window starts 2025-01 at the earliest: no CPU server before',
    );
  });
  it('one day later leaves the floor point out too', () => {
    const p = projectRigCost(series, { thresholdUsd: 1000, fitFrom: { ...floor, date: '2025-01-02' } });
    expect(p.fit?.excludedBeforeStart).toBe(3);
  });
  it('the later of the floor and the chosen start year applies', () => {
    const later = projectRigCost(series, { thresholdUsd: 1000, fitFrom: floor, fitFromYear: 2026 });
    expect(later.fit).toMatchObject({ firstDate: '2026-01-01', excludedBeforeStart: 3 });
    const earlier = projectRigCost(series, { thresholdUsd: 1000, fitFrom: floor, fitFromYear: 2023 });
    expect(earlier.fit).toMatchObject({ firstDate: '2025-01-01', excludedBeforeStart: 2 });
  });
  it('without the floor, the GPU-server months drag the fit to a fall that never happened', () => {
    const p = projectRigCost(series, { thresholdUsd: 1000 });
    expect(p.fit?.pointsUsed).toBe(6);
    expect(p.fit?.annualChange).toBeLessThan(-0.5);
  });
});
