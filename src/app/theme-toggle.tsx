import { useState } from 'react';
import { applyTheme, effectiveTheme, storedTheme, type Theme } from './theme';

/** One button: switches between light and dark (starting from what the system shows). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const shown = effectiveTheme(theme);
  const next = shown === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      data-name="theme-toggle"
      aria-label={`Switch to ${next} theme`}
      aria-pressed={shown === 'dark'}
      onClick={() => {
        applyTheme(next);
        setTheme(next);
      }}
    >
      {shown === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  );
}
