// A slider with a labelled number field beside it. Both drive the same value; the range works from the
// keyboard (arrows, Page Up/Down, Home/End) because it is a native <input type="range">.
// Two modes: linear (min/max/step) or stops (a sorted list of values, e.g. a log scale of context sizes):
// the range moves between stops, the number field accepts any value within min..max. The number field
// applies what was typed on Enter or when it loses focus; a value it does not accept shows the rule and
// keeps the value in use.
import { type ChangeEvent, useId } from 'react';
import { useNumberDraft } from './number-draft';
import { type NumberRule, spinbuttonAria } from './number-rule';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Sorted values the range snaps to (log scales). */
  stops?: readonly number[];
  onChange: (value: number) => void;
  /** Unit shown after the label, e.g. "tokens", "GiB", "USD". */
  unit?: string;
  /** Readable value for screen readers, e.g. "32K tokens". */
  formatValue?: (value: number) => string;
  /** Name used in the range's id, for tests and links. */
  name: string;
  hint?: string;
  /** 0 is accepted besides min..max, meaning this (e.g. "no minimum"). */
  zeroMeans?: string;
  /** How the bounds are written in an error message (e.g. formatUsd). */
  formatBound?: (value: number) => string;
}

function nearestStopIndex(stops: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < stops.length; i++) {
    const s = stops[i] as number;
    if (Math.abs(Math.log(s) - Math.log(value)) < Math.abs(Math.log(stops[best] as number) - Math.log(value)))
      best = i;
  }
  return best;
}

export function Slider(props: SliderProps) {
  const { label, value, min, max, step = 1, stops, onChange, unit, formatValue, name, hint } = props;
  const id = useId();
  const rule: NumberRule = { min, max, step };
  if (props.zeroMeans) rule.zeroMeans = props.zeroMeans;
  if (props.formatBound) rule.format = props.formatBound;
  const draft = useNumberDraft(value, rule, onChange, (v, up) => {
    if (stops) {
      const i = nearestStopIndex(stops, v);
      return stops[Math.min(stops.length - 1, Math.max(0, i + (up ? 1 : -1)))] ?? v;
    }
    return Math.min(max, Math.max(min, v + (up ? step : -step)));
  });

  const rangeValue = stops ? nearestStopIndex(stops, value) : value;
  const onRange = (event: ChangeEvent<HTMLInputElement>) => {
    const raw = Number(event.target.value);
    const next = stops ? (stops[raw] ?? value) : raw;
    if (next !== value) onChange(next);
  };
  const text = formatValue ? formatValue(value) : String(value);
  return (
    <div className="slider">
      <label className="slider-label" htmlFor={`${id}-range`}>
        {label}
        {unit ? <span className="slider-unit"> ({unit})</span> : null}
      </label>
      <div className="slider-row">
        <input
          id={`${id}-range`}
          data-name={name}
          type="range"
          min={stops ? 0 : min}
          max={stops ? stops.length - 1 : max}
          step={stops ? 1 : step}
          value={rangeValue}
          aria-valuetext={text}
          onChange={onRange}
        />
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="num"
          data-name={`${name}-number`}
          {...spinbuttonAria(rule, value)}
          aria-label={`${label}${unit ? ` in ${unit}` : ''} (number; Enter applies it)`}
          aria-invalid={draft.error !== null}
          aria-describedby={`${id}-hint`}
          value={draft.text}
          onChange={draft.onChange}
          onKeyDown={draft.onKeyDown}
          onBlur={draft.onBlur}
        />
      </div>
      <p
        id={`${id}-hint`}
        className={draft.error ? 'slider-hint error-text' : 'slider-hint muted'}
        data-name={`${name}-hint`}
        role={draft.error ? 'alert' : undefined}
      >
        {draft.error ? `${draft.error} Still using ${text}.` : (hint ?? text)}
      </p>
    </div>
  );
}
