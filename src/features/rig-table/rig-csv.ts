// The rig table as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line
// break in double quotes with its quotes doubled). Pure: the table's export button downloads it.

import { shortRigName } from '../../core/rigs/short-name';
import type { RigQuote } from '../../core/rigs/types';

export interface RigCsvContext {
  /** Prices as of this date. */
  asOf: string;
  contextTokens: number;
  batch: number;
  engine: string;
}

const GIB = 2 ** 30;

function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export const RIG_CSV_COLUMNS = [
  'rank',
  'rig',
  'full_name',
  'kind',
  'total_usd',
  'decode_tokens_per_s',
  'prefill_tokens_per_s',
  'power_w',
  'power_complete',
  'usd_per_token_per_s',
  'usable_gib',
  'headroom_gib',
  'bandwidth_gbps',
  'fp8',
  'parts',
  'notes',
  'as_of',
  'context_tokens',
  'batch',
  'engine',
] as const;

/** One line per part: "4 × NVIDIA Tesla P100 PCIe 16GB @ $72 each (used, used, 2025-12-01, https://…)". */
function partsText(rig: RigQuote): string {
  return rig.components
    .map(
      (c) =>
        `${c.quantity} × ${c.name} @ $${round(c.unitPriceUsd, 2)} each (${c.condition}, ${c.market}, observed ${c.observedOn}${
          c.observedPriceUsd !== c.unitPriceUsd ? ` at $${round(c.observedPriceUsd, 2)}` : ''
        }, ${c.sourceUrl})`,
    )
    .join('\n');
}

export function rigTableCsv(rigs: readonly RigQuote[], context: RigCsvContext): string {
  const lines = [RIG_CSV_COLUMNS.join(',')];
  rigs.forEach((rig, i) => {
    const row = [
      i + 1,
      shortRigName(rig),
      rig.label,
      rig.kind,
      round(rig.totalPriceUsd, 2),
      round(rig.decodeTokensPerSecond, 2),
      rig.prefillTokensPerSecond === undefined ? null : round(rig.prefillTokensPerSecond, 1),
      round(rig.powerW, 0),
      rig.powerKnown,
      round(rig.usdPerTokenPerSecond, 2),
      round(rig.usableBytes / GIB, 2),
      round(rig.headroomBytes / GIB, 2),
      round(rig.bandwidthGBps, 1),
      rig.fp8,
      partsText(rig),
      rig.notes.join('\n'),
      context.asOf,
      context.contextTokens,
      context.batch,
      context.engine,
    ];
    lines.push(row.map(field).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
