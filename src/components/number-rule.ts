// What a number field accepts, checked when the person commits it (Enter or leaving the field), and the rule
// said in words when it does not pass. Pure: the slider and the plain number fields share it.

export interface NumberRule {
  min: number;
  max: number;
  /** Values must be multiples of this (default 1: whole numbers). */
  step?: number;
  /** 0 is accepted besides min..max (it means "no limit" or "none"). */
  zeroMeans?: string;
  /** How a bound is written in the message, e.g. formatUsd; default: digits with thousands separators. */
  format?: (value: number) => string;
}

export type NumberCheck = { ok: true; value: number } | { ok: false; message: string };

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "a whole number from 1,024 to 131,072", "a multiple of 100 from $1,000 to $100,000", "0 (no limit) or …". */
export function describeNumberRule(rule: NumberRule): string {
  const format = rule.format ?? ((v: number) => grouped.format(v));
  const step = rule.step ?? 1;
  const kind = step === 1 ? 'a whole number' : `a multiple of ${grouped.format(step)}`;
  const range = `${kind} from ${format(rule.min)} to ${format(rule.max)}`;
  return rule.zeroMeans !== undefined ? `0 (${rule.zeroMeans}) or ${range}` : range;
}

/** Read what was typed: digits with optional thousands separators, a leading $ and spaces around.
 *  "15,000", "$15000" and " 15 000 " are 15000; anything else fails with the rule in words. */
export function checkNumber(text: string, rule: NumberRule): NumberCheck {
  const cleaned = text
    .trim()
    .replace(/^\$/, '')
    .replace(/[,\s_]/g, '');
  const fail = (why: string): NumberCheck => ({
    ok: false,
    message: `${why}: enter ${describeNumberRule(rule)}.`,
  });
  if (cleaned === '') return fail('Empty');
  if (!/^\d+$/.test(cleaned)) return fail(`“${text.trim().slice(0, 20)}” is not a whole number`);
  const value = Number(cleaned);
  if (value === 0 && rule.zeroMeans !== undefined) return { ok: true, value };
  if (value < rule.min) return fail(`${grouped.format(value)} is below the minimum`);
  if (value > rule.max) return fail(`${grouped.format(value)} is above the maximum`);
  const step = rule.step ?? 1;
  if (value % step !== 0)
    return fail(`${grouped.format(value)} is not a multiple of ${grouped.format(step)}`);
  return { ok: true, value };
}

/** A number typed in a text field that Up/Down step is a spinbutton (https://www.w3.org/WAI/ARIA/apg/patterns/spinbutton/):
 *  assistive technology reads the range it accepts from these (0 counts when it has a meaning). */
export function spinbuttonAria(rule: NumberRule, value: number) {
  return {
    role: 'spinbutton',
    'aria-valuemin': rule.zeroMeans !== undefined ? 0 : rule.min,
    'aria-valuemax': rule.max,
    'aria-valuenow': value,
  } as const;
}
