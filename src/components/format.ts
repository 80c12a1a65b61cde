// Display formatting at the edge: the core works in bytes and USD; these turn them into readable text.

const GIB = 2 ** 30;

/** Bytes as GiB (2^30), the unit memory sizes are shown in throughout the app. */
export function formatGiB(bytes: number, digits?: number): string {
  const gib = bytes / GIB;
  const d = digits ?? (gib >= 100 ? 0 : 1);
  return `${gib.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })} GiB`;
}

export function formatUsd(usd: number): string {
  return usd.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
}

/** Context sizes the way engines print them: 32768 -> "32K", 1048576 -> "1M", 1500 -> "1,500". */
export function formatTokens(tokens: number): string {
  if (tokens >= 1_048_576 && tokens % 1_048_576 === 0) return `${tokens / 1_048_576}M`;
  if (tokens >= 1024 && tokens % 1024 === 0) return `${tokens / 1024}K`;
  if (tokens >= 1024 && tokens % 512 === 0) return `${tokens / 1024}K`;
  return tokens.toLocaleString('en-US');
}

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A month or date for chart axes: "2024-06". */
export function formatMonth(iso: string): string {
  return iso.slice(0, 7);
}
