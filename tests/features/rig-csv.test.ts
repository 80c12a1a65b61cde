// The rig table's CSV: RFC 4180 quoting, one row per rig, the figures a person checks against the table.
import { describe, expect, it } from 'vitest';
import type { RigQuote } from '../../src/core/rigs/types';
import { RIG_CSV_COLUMNS, rigTableCsv } from '../../src/features/rig-table/rig-csv';

/** A small RFC 4180 reader, so the test reads the file the way a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const rig = {
  id: 'multi-gpu:p100:x4:host',
  kind: 'multi-gpu',
  label: '4 × NVIDIA Tesla P100 PCIe 16GB in 1-GPU budget host (Dec 2024): Ryzen 5 5500, 650 W',
  components: [
    {
      itemId: 'p100',
      name: 'NVIDIA Tesla P100 PCIe 16GB',
      role: 'gpu',
      quantity: 4,
      unitPriceUsd: 72,
      observedPriceUsd: 72,
      observedOn: '2025-12-01',
      ageDays: 367,
      market: 'used',
      condition: 'used',
      sourceUrl: 'https://example.org/p100',
    },
  ],
  totalPriceUsd: 1234.5,
  usableBytes: 60 * 2 ** 30,
  headroomBytes: 6 * 2 ** 30,
  bandwidthGBps: 732,
  decodeTokensPerSecond: 12.345,
  powerW: 1000,
  powerKnown: false,
  usdPerTokenPerSecond: 100,
  fp8: 'no',
  notes: ['Host fit: 4 cards, 1,000 W of an 1,600 W "PSU"', 'Second note'],
} as unknown as RigQuote;

describe('rigTableCsv', () => {
  it('writes a header and one row per rig that a CSV reader gets back field for field', () => {
    const rows = parseCsv(
      rigTableCsv([rig, rig], { asOf: '2026-12-03', contextTokens: 32768, batch: 1, engine: 'llama.cpp' }),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...RIG_CSV_COLUMNS]);
    const row = Object.fromEntries((rows[1] as string[]).map((v, i) => [RIG_CSV_COLUMNS[i], v]));
    expect(row.rank).toBe('1');
    expect(rows[2]?.[0]).toBe('2');
    expect(row.total_usd).toBe('1234.5');
    expect(row.decode_tokens_per_s).toBe('12.35');
    expect(row.prefill_tokens_per_s).toBe('');
    expect(row.power_complete).toBe('false');
    expect(row.usable_gib).toBe('60');
    expect(row.notes).toBe('Host fit: 4 cards, 1,000 W of an 1,600 W "PSU"\nSecond note');
    expect(row.parts).toContain(
      '4 × NVIDIA Tesla P100 PCIe 16GB @ $72 each (used, used, observed 2025-12-01',
    );
    expect(row.context_tokens).toBe('32768');
  });
});
