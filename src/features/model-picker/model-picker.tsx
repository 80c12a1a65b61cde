// Which model: a searchable list of presets, or your own config.json (pasted, uploaded, or fetched from
// Hugging Face by your browser). A config that cannot be read shows what is wrong and keeps the model
// you had. The newest choice wins: picking a preset or starting another fetch cancels a pending fetch.
import {
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { SourceLink } from '../../components/source-link';
import { shortenForMessage } from '../../core/model/hf-repo-id';
import { CUSTOM_MODEL_ID } from '../../scenario';
import { checkModelConfig } from '../../state/derived';
import { findPreset, MODEL_PRESETS, presetConfig, usePresetConfigsVersion } from '../../state/model-presets';
import {
  applyCustomModel,
  beginModelRequest,
  selectPreset,
  useCustomModelState,
  useScenarioField,
} from '../../state/store';
import { MAX_CONFIG_BYTES, oversizeMessage, parseConfigText } from './config-text';
import { fetchHfConfig } from './hf-config-fetch';

interface PickerError {
  text: string;
  /** The Hugging Face id a "Try again" button fetches again. */
  retryRepo?: string;
}

export function ModelPicker() {
  const modelId = useScenarioField('modelId');
  const hfRepo = useScenarioField('hfRepo');
  const customModel = useCustomModelState();
  const [query, setQuery] = useState('');
  // The paste box is uncontrolled: its text is not React state, so typing in a large config does not
  // re-render the picker, and an oversized paste is refused before it reaches the box.
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const [hasPasted, setHasPasted] = useState(false);
  const [hfInput, setHfInput] = useState(hfRepo ?? '');
  const [error, setErrorState] = useState<PickerError | null>(null);
  const setError = (text: string | null, retryRepo?: string) =>
    setErrorState(text === null ? null : retryRepo ? { text, retryRepo } : { text });
  const [busy, setBusy] = useState(false);
  const latestRequest = useRef<AbortSignal | null>(null);
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

  const adoptConfig = async (config: unknown, name: string, repo: string | null, request?: AbortSignal) => {
    const checked = await checkModelConfig(config, name);
    // A newer choice made while the config was checked wins; this one is dropped without a word.
    if (request?.aborted) return;
    const shown = shortenForMessage(name);
    if (!checked.ok) {
      setError(`${shown}: ${checked.message} The model in use has not changed.`);
      return;
    }
    if (applyCustomModel({ name, config, hfRepo: repo }, request)) setError(null);
  };

  const fromText = async (text: string, name: string) => {
    const parsed = parseConfigText(text);
    if (!parsed.ok) setError(`${name}: ${parsed.message} The model in use has not changed.`);
    else await adoptConfig(parsed.value, name, null);
  };

  const refusePaste = (size: number, event: { preventDefault: () => void }): boolean => {
    const tooLarge = oversizeMessage(size);
    if (!tooLarge) return false;
    event.preventDefault();
    setError(`The pasted text was not put in the box: ${tooLarge} The model in use has not changed.`);
    return true;
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const box = event.currentTarget;
    const added = event.clipboardData.getData('text/plain').length;
    refusePaste(box.value.length - (box.selectionEnd - box.selectionStart) + added, event);
  };
  const onDrop = (event: DragEvent<HTMLTextAreaElement>) => {
    const file = event.dataTransfer.files[0];
    const size = file ? file.size : event.dataTransfer.getData('text/plain').length;
    refusePaste(event.currentTarget.value.length + size, event);
  };

  const onUpload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const name = shortenForMessage(file.name);
    const tooLarge = oversizeMessage(file.size);
    if (tooLarge) {
      setError(`${name}: ${tooLarge} The model in use has not changed.`);
      return;
    }
    await fromText(await file.text(), name);
  };

  const onFetch = async (repo: string = hfInput.trim()) => {
    const request = beginModelRequest();
    latestRequest.current = request;
    setBusy(true);
    setError(null);
    try {
      const result = await fetchHfConfig(repo, { signal: request });
      if (request.aborted) return;
      if (!result.ok) {
        setError(`${result.message} The model in use has not changed.`, result.retry ? repo : undefined);
        return;
      }
      await adoptConfig(result.config, repo, repo, request);
    } finally {
      // Only the newest request clears "Fetching…": an older one finishing must not re-enable the button
      // while a newer fetch is still running.
      if (!request.aborted || request === latestRequest.current) setBusy(false);
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
            setBusy(false);
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
            ref={pasteRef}
            rows={5}
            spellCheck={false}
            maxLength={MAX_CONFIG_BYTES}
            onPaste={onPaste}
            onDrop={onDrop}
            onInput={(e) => setHasPasted(/\S/.test(e.currentTarget.value))}
            placeholder='{"model_type": "llama", "hidden_size": 4096, …}'
          />
          <div>
            <button
              type="button"
              data-name="config-use"
              onClick={() => fromText(pasteRef.current?.value ?? '', 'Pasted config')}
              disabled={!hasPasted}
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
            <button
              type="button"
              data-name="hf-fetch"
              onClick={() => onFetch()}
              disabled={busy || !hfInput.trim()}
            >
              {busy ? 'Fetching…' : 'Fetch'}
            </button>
          </div>
          <p className="muted small">
            Your browser requests huggingface.co/&lt;id&gt;/resolve/main/config.json; nothing else is sent.
          </p>
        </div>
      </details>
      <div id={ids.error} role="alert" className="model-error" data-name="model-error">
        {error ? (
          <p className="error-text">
            {error.text}
            {error.retryRepo ? (
              <>
                {' '}
                <button
                  type="button"
                  data-name="hf-retry"
                  disabled={busy}
                  onClick={() => {
                    const repo = error.retryRepo;
                    if (repo) void onFetch(repo);
                  }}
                >
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
