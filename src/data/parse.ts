// parseDataset: the one place raw data files become a Dataset. Pure (no fs, no Vite), never throws: a file
// that fails its schema or references nothing is dropped and reported as a DataProblem naming the file, the
// JSON path and the fix. Used by src/data/dataset.ts (the app, at build time) and src/data/load-node.ts.
import { classifyDataPath } from './files.ts';
import type { DataProblem } from './problems';
import {
  type Dataset,
  type HardwareItem,
  HardwareItemSchema,
  PriceFileSchema,
  type PriceObservation,
  type SeriesFile,
  SeriesFileSchema,
} from './schema.ts';
import { zodProblems } from './zod-problems.ts';

export interface RawDataFile {
  path: string;
  json: unknown;
}

export interface ParsedDataset {
  dataset: Dataset;
  problems: DataProblem[];
}

function byDate<T extends { observedOn: string }>(a: T, b: T): number {
  return a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : 0;
}

export function parseDataset(files: readonly RawDataFile[]): ParsedDataset {
  const problems: DataProblem[] = [];
  const refs = files
    .map((f) => ({ ...classifyDataPath(f.path), json: f.json }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // 1. Hardware items first: prices refer to them.
  const items: HardwareItem[] = [];
  const idToCanonical = new Map<string, string>(); // id or alias -> canonical id
  const claimedBy = new Map<string, string>(); // id or alias -> file that claimed it
  // A file whose name matches its id goes first, so a stray copy under another name is the one left out.
  const hardwareRefs = refs.filter((r) => r.folder === 'hardware');
  const namedRight = (r: (typeof refs)[number]) =>
    (r.json as { id?: unknown } | null)?.id === r.baseName ? 0 : 1;
  hardwareRefs.sort((a, b) => namedRight(a) - namedRight(b));
  for (const ref of hardwareRefs) {
    const parsed = HardwareItemSchema.safeParse(ref.json);
    if (!parsed.success) {
      problems.push(...zodProblems(ref.path, 'schema', parsed.error, ref.json));
      continue;
    }
    const item = parsed.data;
    const names = [item.id, ...(item.aliases ?? [])];
    const clash = names.find((n) => claimedBy.has(n));
    if (clash !== undefined) {
      problems.push({
        file: ref.path,
        jsonPath: clash === item.id ? '$.id' : '$.aliases',
        severity: 'error',
        rule: 'unique-ids',
        message: `"${clash}" is already used by ${claimedBy.get(clash)}; this file was left out`,
        fix: 'give this item its own id (or drop the alias); ids are permanent, so rename the newer item',
      });
      continue;
    }
    if (item.id !== ref.baseName) {
      problems.push({
        file: ref.path,
        jsonPath: '$.id',
        severity: 'error',
        rule: 'id-matches-file',
        message: `id "${item.id}" differs from the file name "${ref.baseName}"`,
        fix: `rename the file to data/hardware/${item.id}.json or set "id" to "${ref.baseName}"`,
      });
    }
    for (const n of names) {
      claimedBy.set(n, ref.path);
      idToCanonical.set(n, item.id);
    }
    items.push(item);
  }
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // 2. Price files: each must name an existing item; observations are merged per item and sorted by date.
  const byItem = new Map<string, PriceObservation[]>();
  for (const ref of refs.filter((r) => r.folder === 'prices')) {
    const parsed = PriceFileSchema.safeParse(ref.json);
    if (!parsed.success) {
      problems.push(...zodProblems(ref.path, 'schema', parsed.error, ref.json));
      continue;
    }
    const { itemId, observations } = parsed.data;
    const canonical = idToCanonical.get(itemId);
    if (canonical === undefined) {
      problems.push({
        file: ref.path,
        jsonPath: '$.itemId',
        severity: 'error',
        rule: 'references',
        message: `no hardware item has id "${itemId}"; these prices were left out`,
        fix: `add data/hardware/${itemId}.json, or set "itemId" to the id of an existing item`,
      });
      continue;
    }
    if (canonical !== itemId) {
      problems.push({
        file: ref.path,
        jsonPath: '$.itemId',
        severity: 'warning',
        rule: 'references',
        message: `"${itemId}" is an alias of "${canonical}"`,
        fix: `set "itemId" to "${canonical}" and rename the file to data/prices/${canonical}.json`,
      });
    }
    byItem.set(canonical, [...(byItem.get(canonical) ?? []), ...observations]);
  }
  // A prototype-free record: an id like "constructor" must not find Object.prototype's members.
  const prices: Record<string, PriceObservation[]> = Object.create(null);
  for (const [id, list] of [...byItem].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    prices[id] = list.sort(byDate);
  }

  // 3. Series: independent of items.
  const series: SeriesFile[] = [];
  for (const ref of refs.filter((r) => r.folder === 'series')) {
    const parsed = SeriesFileSchema.safeParse(ref.json);
    if (!parsed.success) {
      problems.push(...zodProblems(ref.path, 'schema', parsed.error, ref.json));
      continue;
    }
    series.push({ ...parsed.data, points: [...parsed.data.points].sort(byDate) });
  }

  for (const ref of refs.filter((r) => r.folder === 'unknown')) {
    problems.push({
      file: ref.path,
      jsonPath: '$',
      severity: 'warning',
      rule: 'schema',
      message: 'this file is not in data/hardware, data/prices, data/series or data/models and was ignored',
      fix: 'move it into the folder for its kind (see data/README.md) or delete it',
    });
  }

  return { dataset: { items, prices, series }, problems };
}
