// Display formatting at the edge: the core works in bytes and USD; these turn them into readable text.
// Intl formatters are built once and reused: toLocaleString builds a new one per call, which showed up
// as the top cost of a slider move in the profile (scripts/bench-ui.ts).

import { bytesToGiB } from '../core/units';

const fixed = new Map<number, Intl.NumberFormat>();
function fixedFormat(digits: number): Intl.NumberFormat {
  let f = fixed.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixed.set(digits, f);
  }
  return f;
}
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Bytes as GiB (2^30), the unit memory sizes are shown in throughout the app. */
export function formatGiB(bytes: number, digits?: number): string {
  const gib = bytesToGiB(bytes);
  return `${fixedFormat(digits ?? (gib >= 100 ? 0 : 1)).format(gib)} GiB`;
}

export function formatUsd(value: number): string {
  return usd.format(value);
}

/** Context sizes the way engines print them: 32768 -> "32K", 1048576 -> "1M", 1500 -> "1,500". */
export function formatTokens(tokens: number): string {
  if (tokens >= 1_048_576 && tokens % 1_048_576 === 0) return `${tokens / 1_048_576}M`;
  if (tokens >= 1024 && tokens % 512 === 0) return `${tokens / 1024}K`;
  return integer.format(tokens);
}

export function formatNumber(value: number, digits = 0): string {
  return fixedFormat(digits).format(value);
}
