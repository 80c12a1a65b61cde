import { useSyncExternalStore } from 'react';
import { applyTheme, effectiveTheme, storedTheme } from './theme';

// The theme shown (light or dark), as an external store: it follows the system setting and the toggle. The
// pre-rendered page does not know it, so the visible label is chosen by CSS (app.css: the same rules that
// pick the colours, applied before first paint), and only the accessible name and pressed state wait for
// hydration.
const listeners = new Set<() => void>();
const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    query.removeEventListener('change', listener);
  };
}
const shownTheme = () => effectiveTheme(storedTheme());
const unknownTheme = () => null;

/** One button: switches between light and dark (starting from what the system shows). */
export function ThemeToggle() {
  const shown = useSyncExternalStore(subscribe, shownTheme, unknownTheme);
  const next = shown === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      data-name="theme-toggle"
      aria-label={shown ? `Switch to ${next} theme` : 'Switch between light and dark theme'}
      aria-pressed={shown === 'dark'}
      onClick={() => {
        applyTheme(next);
        for (const l of listeners) l();
      }}
    >
      <span className="theme-to-dark">☾ Dark</span>
      <span className="theme-to-light">☀ Light</span>
    </button>
  );
}
