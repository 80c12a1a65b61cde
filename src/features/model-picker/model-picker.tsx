// Which model: a combobox over the presets (WAI-ARIA combobox with a listbox popup,
// https://www.w3.org/WAI/ARIA/apg/patterns/combobox/), or your own config.json (pasted, uploaded, or
// fetched from Hugging Face by your browser). A config that cannot be read shows what is wrong and keeps
// the model you had.
import {
  type ChangeEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { formatTokens } from '../../components/format';
import { SourceLink } from '../../components/source-link';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { checkModelConfig } from '../../state/derived';
import {
  findPreset,
  MODEL_PRESETS,
  type ModelPreset,
  presetConfig,
  usePresetConfigsVersion,
} from '../../state/model-presets';
import { createModelSearch } from './model-search';
import { applyCustomModel, selectPreset, useCustomModelState, useScenarioField } from '../../state/store';

const HF_REPO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
/** config.json files are a few KB; refuse anything absurd before parsing it. */
const MAX_CONFIG_BYTES = 1_000_000;

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

/** A Hugging Face name as in a config's _name_or_path ("Qwen/Qwen3-8B"), used to name a pasted config. */
function configName(config: unknown, fallback: string): string {
  if (typeof config === 'object' && config !== null && !Array.isArray(config)) {
    const named = (config as Record<string, unknown>)._name_or_path;
    if (typeof named === 'string' && named.trim() !== '' && named.length <= 200) return named.trim();
  }
  return fallback;
}

/** The project's own data/models/<id>.json format (a preset with the config inside) is accepted too: its
 *  config and name are used. */
function unwrapPreset(value: unknown): { config: unknown; name: string | null } {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.config === 'object' && v.config !== null && v.model_type === undefined) {
      const name = typeof v.name === 'string' ? v.name : typeof v.hfRepo === 'string' ? v.hfRepo : null;
      return { config: v.config, name };
    }
  }
  return { config: value, name: null };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text.length > MAX_CONFIG_BYTES)
    return { ok: false, message: 'The file is larger than 1 MB; a config.json is a few KB.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `This is not valid JSON: ${(error as Error).message}` };
  }
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
  const [customOpen, setCustomOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [hfInput, setHfInput] = useState(hfRepo ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const hfRef = useRef<HTMLInputElement>(null);
  const ids = {
    search: useId(),
    list: useId(),
    paste: useId(),
    upload: useId(),
    hf: useId(),
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
    if (repo !== undefined) setHfInput(repo);
    close();
    // After the details element has opened.
    requestAnimationFrame(() => (focus === 'paste' ? pasteRef.current : hfRef.current)?.focus());
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

  const adoptConfig = async (config: unknown, name: string, repo: string | null) => {
    const checked = await checkModelConfig(config, name);
    if (!checked.ok) {
      setError(`${name}: ${checked.message} The model in use has not changed.`);
      return;
    }
    setError(null);
    applyCustomModel({ name, config, hfRepo: repo });
  };

  const fromText = async (text: string, fallbackName: string) => {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      setError(`${fallbackName}: ${parsed.message} The model in use has not changed.`);
      return;
    }
    const { config, name } = unwrapPreset(parsed.value);
    await adoptConfig(config, name ?? configName(config, fallbackName), null);
  };

  const onUpload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_CONFIG_BYTES) {
      setError(
        `${file.name}: the file is larger than 1 MB; a config.json is a few KB. The model in use has not changed.`,
      );
      return;
    }
    await fromText(await file.text(), file.name);
  };

  const onFetch = async () => {
    const repo = hfInput.trim();
    if (!HF_REPO.test(repo)) {
      setError(`"${repo}" is not a Hugging Face model id of the form org/name (e.g. Qwen/Qwen3-8B).`);
      return;
    }
    setBusy(true);
    const url = `https://huggingface.co/${repo}/resolve/main/config.json`;
    try {
      const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (response.status === 401 || response.status === 403) {
        setError(
          `Hugging Face refused ${repo} (HTTP ${response.status}): the model is gated or private. Download its config.json after accepting the licence and upload it here.`,
        );
      } else if (response.status === 404) {
        setError(`Hugging Face has no config.json for ${repo} (HTTP 404). Check the id, or upload the file.`);
      } else if (!response.ok) {
        setError(
          `Hugging Face answered HTTP ${response.status} for ${repo}. Try again later, or upload the config.json.`,
        );
      } else {
        const parsed = parseJson(await response.text());
        if (!parsed.ok) setError(`${repo}: ${parsed.message} The model in use has not changed.`);
        else await adoptConfig(parsed.value, repo, repo);
      }
    } catch {
      setError(
        `Could not reach huggingface.co for ${repo} (offline, blocked, or a network error). Upload the config.json instead.`,
      );
    } finally {
      setBusy(false);
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
            <p>
              No preset matches “{typed}”. Use the model’s own config.json instead:
            </p>
            <div className="inline">
              {HF_REPO.test(typed) ? (
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
        className="custom-config"
        open={customOpen || (modelId === CUSTOM_MODEL_ID && !customModel)}
        onToggle={(e) => setCustomOpen(e.currentTarget.open)}
      >
        <summary>Use your own config.json</summary>
        <div className="field">
          <label htmlFor={ids.paste}>Paste a config.json (or a data/models preset file)</label>
          <textarea
            id={ids.paste}
            ref={pasteRef}
            data-name="config-paste"
            rows={5}
            spellCheck={false}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder='{"model_type": "llama", "hidden_size": 4096, …}'
          />
          <div>
            <button
              type="button"
              data-name="config-use"
              onClick={() => fromText(pasted, 'Pasted config')}
              disabled={!pasted.trim()}
            >
              Use pasted config
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.upload}>Or upload one</label>
          <input
            id={ids.upload}
            type="file"
            data-name="config-upload"
            accept=".json,application/json"
            onChange={onUpload}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.hf}>Or fetch it from Hugging Face by id</label>
          <div className="inline">
            <input
              id={ids.hf}
              ref={hfRef}
              type="text"
              data-name="hf-id"
              placeholder="Qwen/Qwen3-8B"
              value={hfInput}
              onChange={(e) => setHfInput(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && hfInput.trim() && !busy) void onFetch();
              }}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="button" data-name="hf-fetch" onClick={onFetch} disabled={busy || !hfInput.trim()}>
              {busy ? 'Fetching…' : 'Fetch'}
            </button>
          </div>
          <p className="muted small">
            Your browser requests huggingface.co/&lt;id&gt;/resolve/main/config.json; nothing else is sent.
          </p>
        </div>
      </details>
      <div id={ids.error} role="alert" className="model-error" data-name="model-error">
        {error ? <p className="error-text">{error}</p> : null}
      </div>
    </div>
  );
}
