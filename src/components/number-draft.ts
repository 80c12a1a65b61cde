// The typing state of a number field: what was typed is applied on Enter or when the field loses focus,
// never while typing (typing 15000 passes through 1, 15, 150 and 1500). A value the rule refuses shows the
// rule and keeps the value in use. A change of the value from elsewhere (a slider) replaces the draft.
import { type ChangeEvent, type KeyboardEvent, useState } from 'react';
import { checkNumber, type NumberRule } from './number-rule';

export interface NumberDraft {
  /** What the field shows. */
  text: string;
  /** The refusal, with the rule in words; null when there is none. */
  error: string | null;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

/** stepValue: what ArrowUp/ArrowDown apply at once (the next step or stop), or null to leave them alone. */
export function useNumberDraft(
  value: number,
  rule: NumberRule,
  onCommit: (value: number) => void,
  stepValue?: (value: number, up: boolean) => number,
): NumberDraft {
  // Kept while the value is still the one it was typed over. Derived, not synced in an effect: an effect
  // would render every slider move twice (measured by scripts/bench-ui.ts).
  const [draft, setDraft] = useState<{ text: string; forValue: number; error: string | null } | null>(null);
  const current = draft !== null && draft.forValue === value ? draft : null;
  const commit = () => {
    if (current === null) return;
    const checked = checkNumber(current.text, rule);
    if (!checked.ok) {
      setDraft({ ...current, error: checked.message });
      return;
    }
    setDraft(null);
    if (checked.value !== value) onCommit(checked.value);
  };
  return {
    text: current?.text ?? String(value),
    error: current?.error ?? null,
    onChange: (event) => setDraft({ text: event.target.value, forValue: value, error: null }),
    onBlur: commit,
    onKeyDown: (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit();
      } else if (event.key === 'Escape' && current !== null) {
        event.preventDefault();
        setDraft(null);
      } else if (stepValue && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        const next = stepValue(value, event.key === 'ArrowUp');
        setDraft(null);
        if (next !== value) onCommit(next);
      }
    },
  };
}
