// Which model: a combobox over the presets (WAI-ARIA combobox with a listbox popup,
// https://www.w3.org/WAI/ARIA/apg/patterns/combobox/), or your own config.json (pasted, uploaded, or
// fetched from Hugging Face by your browser). A config that cannot be read shows what is wrong and keeps
// the model you had. The newest choice wins: picking a preset or starting another fetch cancels a pending
// fetch.
import { type KeyboardEvent, lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatTokens } from '../../components/format';
import { SourceLink } from '../../components/source-link';
import { isHfRepoId } from '../../core/model/hf-repo-id';
import { CUSTOM_MODEL_ID } from '../../scenario';
import {
  findPreset,
  MODEL_PRESETS,
  type ModelPreset,
  presetConfig,
  usePresetConfigsVersion,
} from '../../state/model-presets';
import { selectPreset, useCustomModelState, useScenarioField } from '../../state/store';
import type { PickerError } from './custom-config';
import { createModelSearch } from './model-search';

// Paste, upload or fetch a config: loaded when that section opens, not for first paint.
const CustomConfig = lazy(() => import('./custom-config'));

const searchPresets = createModelSearch(MODEL_PRESETS);

/** "70.6B" for a dense model, "671B, 37B active" for a mixture of experts. */
function parameterText(p: ModelPreset): string | null {
  if (p.totalParameters === null) return null;
  const b = (n: number) => `${n >= 1e11 ? Math.round(n / 1e9) : (n / 1e9).toFixed(1)}B`;
  const total = b(p.totalParameters);
  if (p.activeParameters === null || p.activeParameters >= p.totalParameters * 0.99) return `${total} params`;
  return `${total} params, ${b(p.activeParameters)} active`;
}

function presetFacts(p: ModelPreset): string {
  const parts = [parameterText(p), p.maxContextTokens ? `${formatTokens(p.maxContextTokens)} context` : null];
  return parts.filter((x) => x !== null).join(' · ');
}

export function ModelPicker() {
  const modelId = useScenarioField('modelId');
  const hfRepo = useScenarioField('hfRepo');
  const customModel = useCustomModelState();
  // null: not searching, the field shows the model in use.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  // The option the arrow keys moved to (-1: none; Enter then picks the top match).
  const [active, setActive] = useState(-1);
  // The config section opens by itself for a link whose custom model still has to be fetched.
  const [customOpen, setCustomOpen] = useState(modelId === CUSTOM_MODEL_ID && !customModel);
  const [customFocus, setCustomFocus] = useState<'paste' | 'hf' | null>(null);
  const [hfPrefill, setHfPrefill] = useState(hfRepo ?? '');
  const [error, setError] = useState<PickerError | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  // Opened before React took over the pre-rendered page (a click while hydrating): follow the page.
  useEffect(() => {
    if (detailsRef.current?.open) setCustomOpen(true);
  }, []);
  const ids = {
    search: useId(),
    list: useId(),
    error: useId(),
    count: useId(),
  };

  const matches = useMemo(() => searchPresets(query ?? ''), [query]);

  usePresetConfigsVersion();
  const preset = modelId === CUSTOM_MODEL_ID ? undefined : findPreset(modelId);
  const presetFile = preset ? presetConfig(preset.id) : null;
  const inUseName = preset
    ? preset.name
    : modelId === CUSTOM_MODEL_ID
      ? (customModel?.name ?? hfRepo ?? '')
      : modelId;

  // Keep the option the arrow keys reached in view.
  useEffect(() => {
    if (!open || active < 0) return;
    listRef.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  const openList = (at: number) => {
    setOpen(true);
    setActive(at);
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
    setQuery(null);
  };
  const pick = (p: ModelPreset) => {
    setError(null);
    selectPreset(p.id);
    close();
  };
  const openCustom = (focus: 'paste' | 'hf', repo?: string) => {
    setCustomOpen(true);
    setCustomFocus(focus);
    if (repo !== undefined) setHfPrefill(repo);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (!open) {
          const current = matches.findIndex((p) => p.id === modelId);
          openList(event.altKey ? -1 : Math.max(0, current));
        } else if (!event.altKey) setActive(Math.min(last, active + 1));
        break;
      }
      case 'ArrowUp': {
        event.preventDefault();
        if (open) setActive(Math.max(0, active - 1));
        break;
      }
      case 'Enter': {
        if (!open && query === null) return;
        event.preventDefault();
        const chosen = matches[Math.max(active, 0)];
        if (chosen) pick(chosen);
        break;
      }
      case 'Escape': {
        if (open || query !== null) {
          event.preventDefault();
          close();
        }
        break;
      }
      default:
        break;
    }
  };

  const typed = query?.trim() ?? '';
  const showList = open && matches.length > 0;
  const showEmpty = open && matches.length === 0;
  const optionId = (i: number) => `${ids.list}-${i}`;
  return (
    <div className="model-picker">
      <div className="field combobox">
        <label htmlFor={ids.search}>Model</label>
        <div className="combobox-row">
          <input
            id={ids.search}
            type="text"
            role="combobox"
            data-name="model-search"
            placeholder="Type to search: Llama 70B, DeepSeek R1, Qwen…"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={ids.list}
            aria-describedby={ids.count}
            aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
            value={query ?? inUseName}
            onChange={(e) => {
              setQuery(e.target.value);
              openList(-1);
            }}
            onFocus={(e) => e.currentTarget.select()}
            onClick={() => {
              if (!open) openList(-1);
            }}
            onBlur={close}
            onKeyDown={onKeyDown}
          />
          <button
            type="button"
            className="combobox-toggle"
            tabIndex={-1}
            aria-label={open ? 'Close the model list' : 'Show every model'}
            data-name="model-list-toggle"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              if (open) close();
              else {
                document.getElementById(ids.search)?.focus();
                openList(-1);
              }
            }}
          >
            <span aria-hidden="true">▾</span>
          </button>
        </div>
        <p id={ids.count} className="visually-hidden" aria-live="polite">
          {open
            ? matches.length === 0
              ? 'No preset matches.'
              : `${matches.length} of ${MODEL_PRESETS.length} models. Enter picks ${matches[Math.max(active, 0)]?.name}.`
            : ''}
        </p>
        <div
          id={ids.list}
          ref={listRef}
          role="listbox"
          aria-label="Model presets"
          className="combobox-list"
          data-name="model-list"
          hidden={!showList}
        >
          {showList
            ? matches.map((p, i) => (
                // The in-use model is the only one marked selected; the arrow keys' position is an outline.
                // The keyboard is handled by the combobox field (aria-activedescendant), as the pattern has it.
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox field handles the keys
                <div
                  key={p.id}
                  id={optionId(i)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={p.id === modelId}
                  data-active={i === active ? 'true' : undefined}
                  data-model-id={p.id}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(p)}
                >
                  <span className="option-name">
                    {p.name}
                    {p.id === modelId ? <span className="option-in-use"> (in use)</span> : null}
                  </span>
                  <span className="option-facts">{presetFacts(p)}</span>
                  {i === 0 && active < 0 && typed !== '' ? (
                    <span className="option-enter" aria-hidden="true">
                      Enter ↵
                    </span>
                  ) : null}
                </div>
              ))
            : null}
        </div>
        {showEmpty ? (
          <div className="combobox-empty" data-name="model-no-match">
            <p>No preset matches “{typed}”. Use the model’s own config.json instead:</p>
            <div className="inline">
              {isHfRepoId(typed) ? (
                <button
                  type="button"
                  data-name="no-match-fetch"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => openCustom('hf', typed)}
                >
                  Fetch {typed} from Hugging Face
                </button>
              ) : (
                <button
                  type="button"
                  data-name="no-match-fetch"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => openCustom('hf')}
                >
                  Fetch one from Hugging Face
                </button>
              )}
              <button
                type="button"
                data-name="no-match-paste"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => openCustom('paste')}
              >
                Paste or upload a config.json
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <p className="model-current" data-name="model-current">
        {preset ? (
          <>
            Using <strong>{preset.name}</strong>
            {presetFacts(preset) ? ` (${presetFacts(preset)})` : ''}: config.json of{' '}
            <SourceLink href={`https://huggingface.co/${preset.hfRepo}`}>{preset.hfRepo}</SourceLink>,{' '}
            {presetFile?.status === 'ready' ? (
              <>
                copied from <SourceLink href={presetFile.sourceUrl}>this source</SourceLink> on{' '}
                {presetFile.retrievedOn}
              </>
            ) : (
              'loading its source'
            )}
            .
          </>
        ) : customModel && modelId === CUSTOM_MODEL_ID ? (
          <>
            Using your config: <strong>{customModel.name}</strong>
            {customModel.hfRepo ? ' (fetched from Hugging Face).' : ' (not carried by share links).'}
          </>
        ) : modelId === CUSTOM_MODEL_ID && hfRepo ? (
          <>
            This link uses <strong>{hfRepo}</strong> from Hugging Face. Fetch its config below to see the
            results.
          </>
        ) : (
          <>Model “{modelId}” is not a preset; pick one above.</>
        )}
      </p>
      <details
        ref={detailsRef}
        className="custom-config"
        open={customOpen}
        onToggle={(e) => setCustomOpen(e.currentTarget.open)}
      >
        <summary>Use your own config.json</summary>
        {customOpen ? (
          <Suspense fallback={<p className="muted small">Loading…</p>}>
            <CustomConfig focus={customFocus} prefillRepo={hfPrefill} onError={setError} />
          </Suspense>
        ) : null}
      </details>
      <div id={ids.error} role="alert" className="model-error" data-name="model-error">
        {error ? (
          <p className="error-text">
            {error.text}
            {error.retry ? (
              <>
                {' '}
                <button type="button" data-name="hf-retry" onClick={error.retry}>
                  Try again
                </button>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
