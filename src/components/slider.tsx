// A slider with a labelled number field beside it. Both drive the same value; the range works from the
// keyboard (arrows, Page Up/Down, Home/End) because it is a native <input type="range">.
// Two modes: linear (min/max/step) or stops (a sorted list of values, e.g. a log scale of context sizes):
// the range moves between stops, the number field accepts any value within min..max.
import { type ChangeEvent, useId, useState } from 'react';

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

function isAllowed(text: string, min: number, max: number, step: number): boolean {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && n % step === 0;
}

export function Slider(props: SliderProps) {
  const { label, value, min, max, step = 1, stops, onChange, unit, formatValue, name, hint } = props;
  const id = useId();
  // What the person typed in the number field, kept while the value is still the one it was typed for;
  // otherwise the field shows the value. Derived, not synced in an effect: an effect would render every
  // slider move twice (measured by scripts/bench-ui.ts).
  const [draft, setDraft] = useState<{ text: string; forValue: number } | null>(null);
  const typed = draft !== null && draft.forValue === value ? draft.text : null;
  const invalid = typed !== null && !isAllowed(typed, min, max, step);

  const rangeValue = stops ? nearestStopIndex(stops, value) : value;
  const onRange = (event: ChangeEvent<HTMLInputElement>) => {
    const raw = Number(event.target.value);
    const next = stops ? (stops[raw] ?? value) : raw;
    if (next !== value) onChange(next);
  };
  const onNumber = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    const ok = isAllowed(text, min, max, step);
    setDraft({ text, forValue: ok ? Number(text) : value });
    if (ok && Number(text) !== value) onChange(Number(text));
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
          type="number"
          className="num"
          data-name={`${name}-number`}
          aria-label={`${label}${unit ? ` in ${unit}` : ''} (number)`}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
          min={min}
          max={max}
          step={step}
          value={typed ?? String(value)}
          onChange={onNumber}
          onBlur={() => setDraft(null)}
        />
      </div>
      <p id={`${id}-hint`} className={invalid ? 'slider-hint error-text' : 'slider-hint muted'}>
        {invalid ? `Enter a whole number from ${min} to ${max}.` : (hint ?? text)}
      </p>
    </div>
  );
}
