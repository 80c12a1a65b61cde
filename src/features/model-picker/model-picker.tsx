// Which model: a searchable list of presets, or your own config.json (pasted, uploaded, or fetched from
// Hugging Face by your browser). A config that cannot be read shows what is wrong and keeps the model
// you had.
import { type ChangeEvent, useId, useMemo, useState } from 'react';
import { SourceLink } from '../../components/source-link';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { checkModelConfig } from '../../state/derived';
import { findPreset, MODEL_PRESETS, presetConfig, usePresetConfigsVersion } from '../../state/model-presets';
import { applyCustomModel, selectPreset, useCustomModelState, useScenarioField } from '../../state/store';

const HF_REPO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
/** config.json files are a few KB; refuse anything absurd before parsing it. */
const MAX_CONFIG_BYTES = 1_000_000;

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
  const [query, setQuery] = useState('');
  const [pasted, setPasted] = useState('');
  const [hfInput, setHfInput] = useState(hfRepo ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = {
    search: useId(),
    list: useId(),
    paste: useId(),
    upload: useId(),
    hf: useId(),
    error: useId(),
  };

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return MODEL_PRESETS;
    return MODEL_PRESETS.filter((p) => `${p.name} ${p.id} ${p.hfRepo}`.toLowerCase().includes(q));
  }, [query]);

  usePresetConfigsVersion();
  const preset = modelId === CUSTOM_MODEL_ID ? undefined : findPreset(modelId);
  const presetFile = preset ? presetConfig(preset.id) : null;

  const adoptConfig = async (config: unknown, name: string, repo: string | null) => {
    const checked = await checkModelConfig(config, name);
    if (!checked.ok) {
      setError(`${name}: ${checked.message} The model in use has not changed.`);
      return;
    }
    setError(null);
    applyCustomModel({ name, config, hfRepo: repo });
  };

  const fromText = async (text: string, name: string) => {
    const parsed = parseJson(text);
    if (!parsed.ok) setError(`${name}: ${parsed.message} The model in use has not changed.`);
    else await adoptConfig(parsed.value, name, null);
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

  return (
    <div className="model-picker">
      <div className="field">
        <label htmlFor={ids.search}>Find a model</label>
        <input
          id={ids.search}
          type="search"
          data-name="model-search"
          placeholder="Llama, Qwen, DeepSeek…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-controls={ids.list}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.list}>
          Presets{' '}
          <span className="muted">
            ({matches.length} of {MODEL_PRESETS.length})
          </span>
        </label>
        <select
          id={ids.list}
          data-name="model-list"
          size={Math.min(6, Math.max(2, matches.length))}
          value={preset ? preset.id : ''}
          onChange={(e) => {
            setError(null);
            selectPreset(e.target.value);
          }}
        >
          {matches.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <p className="model-current" data-name="model-current">
        {preset ? (
          <>
            Using <strong>{preset.name}</strong>: config.json of{' '}
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
            {customModel.hfRepo ? ' (fetched from Hugging Face)' : ' (not carried by share links)'}.
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
        open={modelId === CUSTOM_MODEL_ID && !customModel ? true : undefined}
      >
        <summary>Use your own config.json</summary>
        <div className="field">
          <label htmlFor={ids.paste}>Paste a config.json</label>
          <textarea
            id={ids.paste}
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
              type="text"
              data-name="hf-id"
              placeholder="Qwen/Qwen3-8B"
              value={hfInput}
              onChange={(e) => setHfInput(e.target.value)}
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
