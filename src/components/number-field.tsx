// A labelled number field without a slider (a budget): applies what was typed on Enter or leaving the field,
// and states the rule when it refuses a value (see number-draft.ts).
import { useId } from 'react';
import { useNumberDraft } from './number-draft';
import { type NumberRule, spinbuttonAria } from './number-rule';

interface NumberFieldProps {
  label: string;
  value: number;
  rule: NumberRule;
  onChange: (value: number) => void;
  /** data-name of the input, for tests. */
  name: string;
  /** Shown under the field when there is no error. */
  hint?: string;
  /** Describes the value in use in an error ("Still using $0 (no limit)."). */
  formatValue?: (value: number) => string;
}

export function NumberField({ label, value, rule, onChange, name, hint, formatValue }: NumberFieldProps) {
  const id = useId();
  const step = rule.step ?? 1;
  const draft = useNumberDraft(value, rule, onChange, (v, up) =>
    Math.min(rule.max, Math.max(rule.zeroMeans !== undefined ? 0 : rule.min, v + (up ? step : -step))),
  );
  const shown = formatValue ? formatValue(value) : String(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="num"
        data-name={name}
        {...spinbuttonAria(rule, value)}
        aria-invalid={draft.error !== null}
        aria-describedby={`${id}-hint`}
        value={draft.text}
        onChange={draft.onChange}
        onKeyDown={draft.onKeyDown}
        onBlur={draft.onBlur}
      />
      <p
        id={`${id}-hint`}
        className={draft.error ? 'slider-hint error-text' : 'slider-hint muted'}
        data-name={`${name}-hint`}
        role={draft.error ? 'alert' : undefined}
      >
        {draft.error ? `${draft.error} Still using ${shown}.` : (hint ?? shown)}
      </p>
    </div>
  );
}
