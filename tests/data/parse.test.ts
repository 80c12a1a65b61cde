import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromDisk, readDataFiles } from '../../src/data/load-node';
import { parseDataset } from '../../src/data/parse';

const GOOD = join(import.meta.dirname, 'fixtures', 'good');
const read = (rel: string): unknown => JSON.parse(readFileSync(join(GOOD, rel), 'utf8'));
const hw3090 = () => read('data/hardware/nvidia-rtx-3090-24gb.json') as Record<string, unknown>;
const prices3090 = () => read('data/prices/nvidia-rtx-3090-24gb.json') as Record<string, unknown>;

describe('parseDataset on the good fixture', () => {
  const { dataset, problems } = loadDatasetFromDisk(GOOD);
  it('reads every file without problems', () => {
    expect(problems).toEqual([]);
    expect(dataset.items.map((i) => i.id)).toEqual([
      'apple-mac-studio-m2-ultra-192gb',
      'nvidia-rtx-3090-24gb',
    ]);
    expect(dataset.series.map((s) => s.id)).toEqual(['dram-test']);
  });
  it('sorts observations and series points by date, oldest first', () => {
    expect(dataset.prices['nvidia-rtx-3090-24gb']?.map((o) => o.observedOn)).toEqual([
      '2020-09-01',
      '2023-01-15',
    ]);
    expect(dataset.series[0]?.points.map((p) => p.observedOn)).toEqual(['2019-06-15', '2020-06-15']);
  });
  it('fills in quantity 1 when a file leaves it out', () => {
    expect(dataset.prices['nvidia-rtx-3090-24gb']?.every((o) => o.quantity === 1)).toBe(true);
  });
  it('reads the same files whatever prefix the paths carry (Vite glob keys are ../../data/...)', () => {
    const files = readDataFiles(GOOD).map((f) => ({ path: `../../${f.path}`, json: f.json }));
    expect(parseDataset(files).dataset).toEqual(dataset);
  });
});

describe('parseDataset drops bad files and says why', () => {
  it('drops an item that fails its schema, naming the file, path and a fix', () => {
    const bad = { ...hw3090(), bandwidthGBps: '936 GB/s' };
    const { dataset, problems } = parseDataset([
      { path: 'data/hardware/nvidia-rtx-3090-24gb.json', json: bad },
    ]);
    expect(dataset.items).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'data/hardware/nvidia-rtx-3090-24gb.json',
      jsonPath: '$.bandwidthGBps',
      severity: 'error',
    });
    expect(problems[0]?.fix).toMatch(/number/);
  });
  it('drops prices whose item does not exist', () => {
    const { dataset, problems } = parseDataset([
      { path: 'data/prices/nvidia-rtx-3090-24gb.json', json: prices3090() },
    ]);
    expect(dataset.prices).toEqual({});
    expect(problems.map((p) => [p.rule, p.jsonPath])).toEqual([['references', '$.itemId']]);
  });
  it('files prices given under an alias under the canonical id, with a warning', () => {
    const mac = read('data/hardware/apple-mac-studio-m2-ultra-192gb.json');
    const prices = { ...prices3090(), itemId: 'mac-studio-m2-ultra-192gb' };
    const { dataset, problems } = parseDataset([
      { path: 'data/hardware/apple-mac-studio-m2-ultra-192gb.json', json: mac },
      { path: 'data/prices/mac-studio-m2-ultra-192gb.json', json: prices },
    ]);
    expect(dataset.prices['apple-mac-studio-m2-ultra-192gb']).toHaveLength(2);
    expect(problems.map((p) => p.severity)).toEqual(['warning']);
  });
  it('keeps the first of two items with the same id and reports the second', () => {
    const { dataset, problems } = parseDataset([
      { path: 'data/hardware/nvidia-rtx-3090-24gb.json', json: hw3090() },
      { path: 'data/hardware/nvidia-rtx-3090-24gb-copy.json', json: hw3090() },
    ]);
    expect(dataset.items).toHaveLength(1);
    expect(problems.map((p) => [p.file, p.rule])).toEqual([
      ['data/hardware/nvidia-rtx-3090-24gb-copy.json', 'unique-ids'],
    ]);
  });
  it('handles ids that are names of Object.prototype members', () => {
    const item = { ...hw3090(), id: 'constructor' };
    const prices = { ...prices3090(), itemId: 'constructor' };
    const { dataset } = parseDataset([
      { path: 'data/hardware/constructor.json', json: item },
      { path: 'data/prices/constructor.json', json: prices },
    ]);
    expect(dataset.prices.constructor).toHaveLength(2);
    expect(parseDataset([]).dataset.prices.toString).toBeUndefined();
  });
  it('never throws, whatever the JSON (seeded random values)', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const values = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.2)
        return [null, 0, -1, 'x', true, '2024-02-30', Number.NaN][Math.floor(rnd() * 7)];
      if (r < 0.5) return Array.from({ length: Math.floor(rnd() * 3) }, () => values(depth + 1));
      const keys = [
        'id',
        'itemId',
        'observations',
        'points',
        'kind',
        'memory',
        'priceUsd',
        'observedOn',
        'aliases',
      ];
      return Object.fromEntries(keys.filter(() => rnd() < 0.4).map((k) => [k, values(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const folder = ['hardware', 'prices', 'series', 'elsewhere'][i % 4];
      const files = [
        { path: `data/${folder}/x.json`, json: values(0) },
        { path: 'data/prices/x.json', json: { itemId: 'x', observations: values(1) } },
      ];
      expect(() => parseDataset(files)).not.toThrow();
    }
  });
});
