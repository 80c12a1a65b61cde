// For every lint rule: a bad sample that makes it fire and a good sample that does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText, isCanonicalFolder } from '../../src/data/canonical';
import { classifyDataPath } from '../../src/data/files';
import { buildLintContext } from '../../src/data/lint/context';
import { LINT_RULES, runLint } from '../../src/data/lint/run-lint';
import type { LintInputFile, LintRule } from '../../src/data/lint/types';
import { readDataFiles } from '../../src/data/load-node';

const TODAY = '2026-11-25';
const GOOD = join(import.meta.dirname, 'fixtures', 'good');
// biome-ignore lint/suspicious/noExplicitAny: samples are spread and edited freely
type Json = Record<string, any>;

const fixture = (rel: string): Json => JSON.parse(readFileSync(join(GOOD, 'data', rel), 'utf8'));
const gpu = () => fixture('hardware/nvidia-rtx-3090-24gb.json');
const mac = () => fixture('hardware/apple-mac-studio-m2-ultra-192gb.json');
const gpuPrices = () => fixture('prices/nvidia-rtx-3090-24gb.json');
const series = () => fixture('series/dram-test.json');
// The real preset's config: the model-config rule runs the memory model's parser on it.
const llamaConfig = (): Json =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../data/models/llama-3-1-8b.json'), 'utf8')).config;
const model = (): Json => ({
  id: 'llama-3-1-8b',
  name: 'Llama 3.1 8B',
  hfRepo: 'meta-llama/Llama-3.1-8B-Instruct',
  sourceUrl: 'https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json',
  retrievedOn: '2026-11-25',
  config: llamaConfig(),
});

const src = { url: 'https://example.org/manual', retrievedOn: '2026-11-25' };
const host = (): Json => ({
  $schema: '../schema/hardware.schema.json',
  id: 'host',
  name: 'A 2-GPU host',
  vendor: 'Test',
  kind: 'gpu-host',
  releasedOn: '2024-01-01',
  gpuBays: { count: 2, maxSlotWidth: 3, airflow: 'case', pcieLanes: 8, source: src },
  psuW: 1200,
  sources: [src],
});
const platform = (): Json => ({
  $schema: '../schema/hardware.schema.json',
  id: 'platform',
  name: 'A dual-socket server',
  vendor: 'Test',
  kind: 'cpu-platform',
  releasedOn: '2016-01-01',
  sockets: 2,
  memorySystem: {
    generation: 'ddr4',
    formFactor: 'rdimm',
    channels: 8,
    dimmsPerChannel: 2,
    speedMTs: 2400,
    maxDimmGiB: 64,
    source: src,
  },
  sources: [src],
});
const dimm = (): Json => ({
  $schema: '../schema/hardware.schema.json',
  id: 'dimm',
  name: '32 GB DDR4 RDIMM',
  vendor: 'Test',
  kind: 'memory-module',
  releasedOn: '2015-01-01',
  memory: { sizeGiB: 32, type: 'system' },
  module: { generation: 'ddr4', formFactor: 'rdimm', speedMTs: 2400 },
  sources: [src],
});
/** The good price file with its first observation changed. */
const withObservation = (change: Json): Json => {
  const p = gpuPrices();
  p.observations = [{ ...p.observations[0], ...change }];
  return p;
};

/** A file as the lint sees it; its text is canonical unless given. */
function file(path: string, json: unknown, text?: string): LintInputFile {
  const { folder } = classifyDataPath(path);
  const t =
    text ?? (isCanonicalFolder(folder) ? canonicalText(folder, json) : `${JSON.stringify(json, null, 2)}\n`);
  return { path, json, text: t };
}
const hw = (json: Json, name = json.id) => file(`data/hardware/${name}.json`, json);
const pr = (json: Json, name = json.itemId) => file(`data/prices/${name}.json`, json);

function fired(rule: LintRule, files: LintInputFile[], today = TODAY, base?: LintInputFile[]) {
  return rule.check(buildLintContext(files, today, base));
}
const rule = (id: string): LintRule => {
  const r = LINT_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};

/** The good sample set: every rule must stay silent on it. */
const goodSet = () => [
  hw(gpu()),
  hw(mac()),
  pr(gpuPrices()),
  file('data/series/dram-test.json', series()),
  file('data/models/llama-3-1-8b.json', model()),
];

/** For each rule id: bad samples that must make it fire, each with the JSON path it must name. */
type Sample = { name: string; files: () => LintInputFile[]; base?: () => LintInputFile[] };
const BAD: Record<string, (Sample & { path: string; severity?: string })[]> = {
  'price-bounds': [
    {
      name: 'a $1e12 price',
      files: () => [
        hw(gpu()),
        pr({ ...gpuPrices(), observations: [{ ...gpuPrices().observations[0], priceUsd: 1e12 }] }),
      ],
      path: '$.observations[0].priceUsd',
    },
    {
      name: 'a range whose high end is one dollar over the limit',
      files: () => [
        hw(gpu()),
        pr({
          ...gpuPrices(),
          observations: [
            {
              ...gpuPrices().observations[0],
              priceUsd: 9_000_000,
              range: { lowUsd: 8_000_000, highUsd: 10_000_001 },
            },
          ],
        }),
      ],
      path: '$.observations[0].range.highUsd',
    },
  ],
  'model-config': [
    {
      name: 'a config whose model_type is an inherited name',
      files: () => [
        file('data/models/llama-3-1-8b.json', {
          ...model(),
          config: { ...llamaConfig(), model_type: 'constructor' },
        }),
      ],
      path: '$.config.model_type',
    },
    {
      name: 'a config with zero layers',
      files: () => [
        file('data/models/llama-3-1-8b.json', {
          ...model(),
          config: { ...llamaConfig(), num_hidden_layers: 0 },
        }),
      ],
      path: '$.config.num_hidden_layers',
    },
  ],
  schema: [
    { name: 'a wrong type', files: () => [hw({ ...gpu(), powerW: '350 W' })], path: '$.powerW' },
    { name: 'an unknown key', files: () => [hw({ ...gpu(), memoryGB: 24 })], path: '$.memoryGB' },
    {
      name: 'a missing required field',
      files: () => [
        pr({ ...gpuPrices(), observations: [{ ...gpuPrices().observations[0], market: undefined }] }),
      ],
      path: '$.observations[0].market',
    },
    {
      name: 'broken JSON',
      files: () => [
        {
          path: 'data/hardware/x.json',
          text: '{"id": "x",}',
          json: undefined,
          syntaxError: 'Unexpected token }',
        },
      ],
      path: '$',
    },
    { name: 'a file outside the known folders', files: () => [file('data/gpus/x.json', gpu())], path: '$' },
    {
      name: 'a model preset without hfRepo',
      files: () => [file('data/models/llama-3-1-8b.json', { ...model(), hfRepo: undefined })],
      path: '$.hfRepo',
    },
  ],
  'id-matches-file': [
    { name: 'a hardware id unlike its file name', files: () => [hw(gpu(), 'rtx-3090')], path: '$.id' },
    {
      name: 'a price itemId unlike its file name',
      files: () => [hw(gpu()), pr(gpuPrices(), 'rtx-3090')],
      path: '$.itemId',
    },
  ],
  'unique-ids': [
    {
      name: 'two items with one id',
      files: () => [hw(gpu()), hw({ ...gpu(), name: 'copy' }, 'nvidia-rtx-3090-24gb-2')],
      path: '$.id',
    },
    {
      name: 'an alias equal to another id',
      files: () => [hw(gpu()), hw({ ...mac(), aliases: ['nvidia-rtx-3090-24gb'] })],
      path: '$.aliases[0]',
    },
  ],
  references: [
    { name: 'prices for a missing item', files: () => [pr(gpuPrices())], path: '$.itemId' },
    {
      name: 'prices filed under an alias',
      files: () => [hw(mac()), pr({ ...gpuPrices(), itemId: 'mac-studio-m2-ultra-192gb' })],
      path: '$.itemId',
      severity: 'warning',
    },
  ],
  dates: [
    {
      name: 'a date not on the calendar',
      files: () => [hw({ ...gpu(), releasedOn: '2020-02-30' })],
      path: '$.releasedOn',
    },
    {
      name: 'a date in the future',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [{ ...gpuPrices().observations[0], observedOn: '2026-11-26' }],
        }),
      ],
      path: '$.observations[0].observedOn',
    },
    {
      name: 'a US-style date',
      files: () => [
        hw({ ...gpu(), sources: [{ url: 'https://www.nvidia.com/', retrievedOn: '11/25/2026' }] }),
      ],
      path: '$.sources[0].retrievedOn',
    },
    {
      name: 'retrieved before observed',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            {
              ...gpuPrices().observations[0],
              source: { url: 'https://example.org/a', retrievedOn: '2022-01-01' },
            },
          ],
        }),
      ],
      path: '$.observations[0].source.retrievedOn',
      severity: 'warning',
    },
  ],
  'release-window': [
    {
      name: 'a price 2 years before release',
      files: () => [
        hw(gpu()),
        pr({
          ...gpuPrices(),
          observations: [{ ...gpuPrices().observations[0], observedOn: '2018-09-01' }],
        }),
      ],
      path: '$.observations[0].observedOn',
    },
  ],
  'https-sources': [
    {
      name: 'an http source',
      files: () => [hw({ ...gpu(), sources: [{ url: 'http://www.nvidia.com/', retrievedOn: TODAY }] })],
      path: '$.sources[0].url',
    },
    {
      name: 'an http archive link',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            {
              ...gpuPrices().observations[0],
              source: {
                url: 'https://example.org/a',
                retrievedOn: TODAY,
                archivedUrl: 'http://web.archive.org/web/2023/x',
              },
            },
          ],
        }),
      ],
      path: '$.observations[0].source.archivedUrl',
    },
    {
      name: 'a model preset with an http sourceUrl',
      files: () => [
        file('data/models/llama-3-1-8b.json', { ...model(), sourceUrl: 'http://huggingface.co/x' }),
      ],
      path: '$.sourceUrl',
    },
  ],
  'duplicate-observations': [
    {
      name: 'the same observation twice',
      files: () => [
        hw(gpu()),
        pr({
          ...gpuPrices(),
          observations: [...gpuPrices().observations, { ...gpuPrices().observations[0], note: 'again' }],
        }),
      ],
      path: '$.observations[2]',
    },
    {
      name: 'the same series point twice',
      files: () => [
        file('data/series/dram-test.json', {
          ...series(),
          points: [...series().points, series().points[1]],
        }),
      ],
      path: '$.points[2]',
    },
  ],
  'canonical-format': [
    {
      name: 'keys out of schema order',
      files: () => [
        file(
          'data/hardware/nvidia-rtx-3090-24gb.json',
          gpu(),
          `${JSON.stringify({ name: gpu().name, ...gpu() }, null, 2)}\n`,
        ),
      ],
      path: '$',
    },
    {
      name: '4-space indentation',
      files: () => [
        file('data/hardware/nvidia-rtx-3090-24gb.json', gpu(), `${JSON.stringify(gpu(), null, 4)}\n`),
      ],
      path: '$',
    },
    {
      name: 'no trailing newline',
      files: () => [file('data/hardware/nvidia-rtx-3090-24gb.json', gpu(), JSON.stringify(gpu(), null, 2))],
      path: '$',
    },
    {
      name: 'no $schema',
      files: () => {
        const { $schema: _, ...rest } = gpu();
        return [file('data/hardware/nvidia-rtx-3090-24gb.json', rest, `${JSON.stringify(rest, null, 2)}\n`)];
      },
      path: '$',
    },
  ],
  'price-jump': [
    {
      name: 'a used price doubling in 10 days',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              ...gpuPrices().observations[0],
              observedOn: '2023-01-25',
              priceUsd: 1700,
              source: { url: 'https://example.org/b', retrievedOn: TODAY },
            },
          ],
        }),
      ],
      path: '$.observations[2].priceUsd',
      severity: 'warning',
    },
    {
      name: 'a used price halving in a month',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              ...gpuPrices().observations[0],
              observedOn: '2023-02-14',
              priceUsd: 350,
              source: { url: 'https://example.org/b', retrievedOn: TODAY },
            },
          ],
        }),
      ],
      path: '$.observations[2].priceUsd',
      severity: 'warning',
    },
  ],
  'far-from-msrp': [
    {
      name: 'a new retail price 4x MSRP',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              observedOn: '2021-05-01',
              priceUsd: 6000,
              market: 'retail',
              condition: 'new',
              region: 'us',
              source: { url: 'https://example.org/c', retrievedOn: TODAY },
            },
          ],
        }),
      ],
      path: '$.observations[2].priceUsd',
      severity: 'warning',
    },
    {
      name: 'a new retail price 0.2x MSRP',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              observedOn: '2021-05-01',
              priceUsd: 299,
              market: 'retail',
              condition: 'new',
              region: 'us',
              source: { url: 'https://example.org/c', retrievedOn: TODAY },
            },
          ],
        }),
      ],
      path: '$.observations[2].priceUsd',
      severity: 'warning',
    },
  ],
  'append-only': [
    {
      name: 'an edited price',
      base: () => [hw(gpu()), pr(gpuPrices())],
      files: () => {
        const p = gpuPrices();
        p.observations[0].priceUsd = 850;
        return [hw(gpu()), pr(p)];
      },
      path: '$.observations[0]',
      severity: 'warning',
    },
    {
      name: 'a removed observation',
      base: () => [hw(gpu()), pr(gpuPrices())],
      files: () => [hw(gpu()), pr({ ...gpuPrices(), observations: gpuPrices().observations.slice(1) })],
      path: '$.observations[0]',
      severity: 'warning',
    },
    {
      name: 'a renamed id without an alias',
      base: () => [hw(gpu())],
      files: () => [hw({ ...gpu(), id: 'nvidia-geforce-rtx-3090-24gb' })],
      path: '$.id',
    },
  ],
  'explained-values': [
    {
      name: 'a bundle price with no note',
      files: () => [pr({ ...gpuPrices(), observations: [{ ...gpuPrices().observations[1], quantity: 2 }] })],
      path: '$.observations[0].note',
    },
    {
      name: 'a converted price with no note',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [{ ...gpuPrices().observations[1], original: { amount: 1400, currency: 'EUR' } }],
        }),
      ],
      path: '$.observations[0].note',
    },
    {
      name: 'a usable share with no source',
      files: () => [hw({ ...mac(), memory: { ...mac().memory, acceleratorUsableGiB: 144 } })],
      path: '$.memory.acceleratorUsableSource',
    },
  ],
  'kind-fields': [
    {
      name: 'a gpu without bandwidth',
      files: () => [hw({ ...gpu(), bandwidthGBps: undefined })],
      path: '$.bandwidthGBps',
      severity: 'warning',
    },
    {
      name: 'a unified machine with dedicated memory',
      files: () => [hw({ ...mac(), memory: { sizeGiB: 192, type: 'dedicated' } })],
      path: '$.memory',
      severity: 'warning',
    },
  ],
  'buildable-facts': [
    {
      name: 'a gpu host without gpuBays',
      files: () => [hw({ ...host(), gpuBays: undefined })],
      path: '$.gpuBays',
    },
    {
      name: 'a gpu host without a PSU rating',
      files: () => [hw({ ...host(), psuW: undefined })],
      path: '$.psuW',
    },
    {
      name: 'a CPU platform with GPU bays but no PSU rating',
      files: () => [hw({ ...host(), kind: 'cpu-platform', psuW: undefined })],
      path: '$.psuW',
    },
    {
      name: 'a PCIe card without its width and cooler',
      files: () => [hw({ ...gpu(), card: undefined })],
      path: '$.card',
    },
    { name: 'a GPU without its power', files: () => [hw({ ...gpu(), powerW: undefined })], path: '$.powerW' },
    {
      name: 'a unified machine without its architecture',
      files: () => [hw({ ...mac(), architecture: undefined })],
      path: '$.architecture',
    },
    {
      name: 'a gpu-system without its GPUs',
      files: () => [hw({ ...host(), id: 'box', kind: 'gpu-system', gpuBays: undefined }, 'box')],
      path: '$.gpus',
    },
    {
      name: 'a gpu-system naming a DIMM as its GPU',
      files: () => [
        hw(gpu()),
        hw(
          {
            ...host(),
            id: 'box',
            kind: 'gpu-system',
            gpuBays: undefined,
            gpus: { itemId: 'dimm', count: 8 },
          },
          'box',
        ),
        hw(dimm()),
      ],
      path: '$.gpus.itemId',
    },
    {
      name: 'a server sold with more DIMMs than its board has slots (one over)',
      files: () => [hw(dimm()), hw({ ...platform(), includedMemory: { itemId: 'dimm', count: 17 } })],
      path: '$.includedMemory.count',
    },
  ],
  'price-policy': [
    {
      name: 'the low end of a range stored as the price',
      files: () => [pr(withObservation({ priceUsd: 600, range: { lowUsd: 600, highUsd: 900 } }))],
      path: '$.observations[0].priceUsd',
    },
    {
      name: 'a range the wrong way round',
      files: () => [pr(withObservation({ priceUsd: 750, range: { lowUsd: 900, highUsd: 600 } }))],
      path: '$.observations[0].range',
    },
    {
      name: 'a Chinese price without the amount as published',
      files: () => [pr(withObservation({ region: 'cn' }))],
      path: '$.observations[0].original',
    },
  ],
  'fp8-source': [
    {
      name: "fp8 'no' without a source",
      files: () => [hw({ ...gpu(), fp8: { native: 'no' } })],
      path: '$.fp8.source',
    },
    {
      name: "fp8 'yes' without a source",
      files: () => [hw({ ...gpu(), fp8: { native: 'yes' } })],
      path: '$.fp8.source',
    },
  ],
};

/** Near misses: samples close to a bad one that the rule must accept. */
const GOOD_EDGE: Record<string, Sample[]> = {
  'buildable-facts': [
    { name: 'a host with bays and a PSU', files: () => [hw(host())] },
    {
      name: 'an SXM module without a card block',
      files: () => [hw({ ...gpu(), formFactor: 'sxm4', card: undefined })],
    },
    { name: 'a CPU platform without GPU bays or a PSU', files: () => [hw(platform())] },
    {
      name: 'a server sold with exactly as many DIMMs as its board has slots',
      files: () => [hw(dimm()), hw({ ...platform(), includedMemory: { itemId: 'dimm', count: 16 } })],
    },
  ],
  'price-policy': [
    {
      name: 'a range midpoint rounded to the dollar',
      files: () => [pr(withObservation({ priceUsd: 750, range: { lowUsd: 600, highUsd: 899 } }))],
    },
    {
      name: 'a converted Chinese price with its original amount',
      files: () => [
        pr(
          withObservation({
            region: 'cn',
            original: { amount: 5000, currency: 'CNY' },
            note: 'at 7.1 CNY/USD',
          }),
        ),
      ],
    },
  ],
  'price-bounds': [
    {
      name: 'a price exactly at the limit',
      files: () => [
        hw(gpu()),
        pr({ ...gpuPrices(), observations: [{ ...gpuPrices().observations[0], priceUsd: 10_000_000 }] }),
      ],
    },
  ],
  'explained-values': [
    {
      name: 'a bundle price with a note',
      files: () => [pr({ ...gpuPrices(), observations: [{ ...gpuPrices().observations[0], quantity: 2 }] })],
    },
  ],
  'append-only': [
    {
      name: 'an appended observation and an improved note',
      base: () => [hw(gpu()), pr(gpuPrices())],
      files: () => {
        const p = gpuPrices();
        p.observations[0].note = 'clarified';
        p.observations.push({ ...p.observations[0], observedOn: '2024-01-15', priceUsd: 750 });
        return [hw(gpu()), pr(p)];
      },
    },
    {
      name: 'an id kept as an alias',
      base: () => [hw(gpu())],
      files: () => [hw({ ...gpu(), id: 'nvidia-geforce-rtx-3090-24gb', aliases: ['nvidia-rtx-3090-24gb'] })],
    },
  ],
  dates: [
    {
      name: 'a date equal to today',
      files: () => [hw({ ...gpu(), sources: [{ url: 'https://www.nvidia.com/', retrievedOn: TODAY }] })],
    },
  ],
  'release-window': [
    {
      name: 'an announcement price 11 months before release',
      files: () => [
        hw(gpu()),
        pr({ ...gpuPrices(), observations: [{ ...gpuPrices().observations[1], observedOn: '2019-11-01' }] }),
      ],
    },
  ],
  'price-jump': [
    {
      name: 'a 40% move within a month',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              ...gpuPrices().observations[0],
              observedOn: '2023-01-25',
              priceUsd: 1120,
              source: { url: 'https://example.org/b', retrievedOn: TODAY },
            },
          ],
        }),
      ],
    },
    {
      name: 'a doubling over 40 days',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              ...gpuPrices().observations[0],
              observedOn: '2023-02-24',
              priceUsd: 1700,
              source: { url: 'https://example.org/b', retrievedOn: TODAY },
            },
          ],
        }),
      ],
    },
    {
      name: 'a doubling in another market',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              ...gpuPrices().observations[0],
              observedOn: '2023-01-25',
              priceUsd: 1700,
              market: 'retail',
              condition: 'new',
              source: { url: 'https://example.org/b', retrievedOn: TODAY },
            },
          ],
        }),
      ],
    },
  ],
  'far-from-msrp': [
    {
      name: 'a new retail price at 0.2x MSRP three years after launch',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              observedOn: '2023-10-01',
              priceUsd: 299,
              market: 'retail',
              condition: 'new',
              region: 'us',
              source: { url: 'https://example.org/c', retrievedOn: TODAY },
            },
          ],
        }),
      ],
    },
    {
      name: 'a used price at 0.2x MSRP',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [...gpuPrices().observations, { ...gpuPrices().observations[0], priceUsd: 299 }],
        }),
      ],
    },
  ],
  'fp8-source': [
    { name: "fp8 'unknown' without a source", files: () => [hw({ ...gpu(), fp8: { native: 'unknown' } })] },
  ],
  'duplicate-observations': [
    {
      name: 'same date and price from two sources',
      files: () => [
        pr({
          ...gpuPrices(),
          observations: [
            ...gpuPrices().observations,
            {
              ...gpuPrices().observations[0],
              source: { url: 'https://example.org/other', retrievedOn: TODAY },
            },
          ],
        }),
      ],
    },
  ],
};

describe('lint rules', () => {
  it('every rule has bad samples', () => {
    expect(Object.keys(BAD).sort()).toEqual(LINT_RULES.map((r) => r.id).sort());
  });
  it('the good fixture on disk is clean under every rule', () => {
    expect(runLint(readDataFiles(GOOD), TODAY)).toEqual([]);
  });
  for (const r of LINT_RULES) {
    describe(r.id, () => {
      it('stays silent on the good sample set', () => {
        expect(fired(r, goodSet())).toEqual([]);
      });
      for (const edge of GOOD_EDGE[r.id] ?? []) {
        it(`accepts ${edge.name}`, () => {
          expect(fired(r, edge.files(), TODAY, edge.base?.())).toEqual([]);
        });
      }
      for (const bad of BAD[r.id] ?? []) {
        it(`fires on ${bad.name}`, () => {
          const problems = fired(r, bad.files(), TODAY, bad.base?.());
          expect(problems.length).toBeGreaterThan(0);
          const p = problems.find((x) => x.jsonPath === bad.path);
          expect(p, JSON.stringify(problems)).toBeDefined();
          expect(p?.rule).toBe(r.id);
          expect(p?.severity).toBe(bad.severity ?? 'error');
          expect(p?.file).toMatch(/^data\//);
          expect(p?.fix.length).toBeGreaterThan(10);
        });
      }
    });
  }
  it('"today" decides what is in the future', () => {
    const files = [hw({ ...gpu(), releasedOn: '2026-11-26' })];
    expect(fired(rule('dates'), files, '2026-11-25')).toHaveLength(1);
    expect(fired(rule('dates'), files, '2026-11-26')).toEqual([]);
  });
  it('runLint keeps the specific message when the schema fails on the same spot', () => {
    const problems = runLint([hw({ ...gpu(), releasedOn: '2020-02-30' })], TODAY);
    expect(problems.filter((p) => p.jsonPath === '$.releasedOn').map((p) => p.rule)).toEqual(['dates']);
  });
});
