// Fields the quick questions share (presentational: values in, changes out). A number field that commits on
// Enter or blur, keeps the last good value while a person types, and says the rule when the text breaks it;
// and the sweep's context and minimum-speed choices.
import { type KeyboardEvent, useId, useState } from 'react';
import { formatTokens } from './format';
import './view-fields.css';

interface CommitNumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Whole numbers only (default) or up to `decimals` digits after the point. */
  decimals?: number;
  onCommit: (value: number) => void;
  name: string;
  /** Short text after the field, e.g. "GiB". */
  unit?: string;
  hint?: string;
}

function parse(text: string, min: number, max: number, decimals: number): number | string {
  const t = text.trim().replace(/,/g, '');
  const pattern = decimals > 0 ? new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`) : /^\d+$/;
  const rule = `Enter ${decimals > 0 ? 'a number' : 'a whole number'} from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}.`;
  if (!pattern.test(t)) return rule;
  const n = Number(t);
  return n >= min && n <= max ? n : rule;
}

export function CommitNumberField(props: CommitNumberFieldProps) {
  const { label, value, min, max, decimals = 0, onCommit, name, unit, hint } = props;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const parsed = draft === null ? value : parse(draft, min, max, decimals);
  const error = typeof parsed === 'string' ? parsed : null;
  const commit = () => {
    if (draft === null) return;
    if (typeof parsed === 'number') {
      setDraft(null);
      if (parsed !== value) onCommit(parsed);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setDraft(null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {unit ? <span className="slider-unit"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        type="text"
        inputMode={decimals > 0 ? 'decimal' : 'numeric'}
        className="num"
        data-name={name}
        value={draft ?? String(value)}
        aria-invalid={error !== null}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <p id={`${id}-hint`} className={error ? 'slider-hint error-text' : 'slider-hint muted'}>
        {error ?? hint ?? ''}
      </p>
    </div>
  );
}

/** Contexts the sweeps offer: the sizes people set (-c) and models state. */
export const SWEEP_CONTEXTS = [4096, 8192, 16_384, 32_768, 65_536, 131_072] as const;
/** Minimum decode speeds: 5 tok/s is about reading speed, the usual "usable" line. */
export const SWEEP_SPEEDS = [0, 1, 3, 5, 10, 20, 30, 50] as const;

interface SweepSettingsProps {
  contextTokens: number;
  minTokensPerSecond: number;
  onChange: (patch: { contextTokens?: number; minTokensPerSecond?: number }) => void;
}

/** The context and the minimum decode speed a sweep is run at. */
export function SweepSettings({ contextTokens, minTokensPerSecond, onChange }: SweepSettingsProps) {
  const ids = { ctx: useId(), tps: useId() };
  const contexts = SWEEP_CONTEXTS.includes(contextTokens as (typeof SWEEP_CONTEXTS)[number])
    ? SWEEP_CONTEXTS
    : [...SWEEP_CONTEXTS, contextTokens].sort((a, b) => a - b);
  const speeds = SWEEP_SPEEDS.includes(minTokensPerSecond as (typeof SWEEP_SPEEDS)[number])
    ? SWEEP_SPEEDS
    : [...SWEEP_SPEEDS, minTokensPerSecond].sort((a, b) => a - b);
  return (
    <>
      <div className="field">
        <label htmlFor={ids.ctx}>Context</label>
        <select
          id={ids.ctx}
          data-name="sweep-context"
          value={contextTokens}
          onChange={(e) => onChange({ contextTokens: Number(e.target.value) })}
        >
          {contexts.map((c) => (
            <option key={c} value={c}>
              {formatTokens(c)} tokens
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.tps}>Decode speed</label>
        <select
          id={ids.tps}
          data-name="sweep-speed"
          value={minTokensPerSecond}
          onChange={(e) => onChange({ minTokensPerSecond: Number(e.target.value) })}
        >
          {speeds.map((v) => (
            <option key={v} value={v}>
              {v === 0 ? 'Any speed' : `At least ${v} tokens/s`}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** Parameter counts the way model cards print them: 70.6B, 1.0T, 596M. */
export function formatParameters(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toFixed(1)}T`;
  if (n >= 1e10) return `${(n / 1e9).toFixed(0)}B`;
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  return `${(n / 1e6).toFixed(0)}M`;
}

/** A weight format id as people write it: q4_k_m -> Q4_K_M, bf16 -> BF16. */
export function formatQuant(id: string): string {
  return id.toUpperCase();
}

/** Tokens per second with sensible precision: 0.43, 1.3, 16.7, 237. */
export function formatTps(v: number): string {
  if (v < 1) return v.toFixed(2);
  if (v < 100) return v.toFixed(1);
  return Math.round(v).toLocaleString('en-US');
}
