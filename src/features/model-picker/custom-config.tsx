// Use your own config.json: pasted, uploaded, or fetched from Hugging Face by your browser (loaded when the
// section opens). A config that cannot be read shows what is wrong and keeps the model you had. The
// project's own data/models/<id>.json format is accepted too, and a pasted config is named by its
// _name_or_path. Text past the size cap is refused before it reaches the box; a fetch can be cancelled by a
// newer choice, and one that may work a second time offers "Try again".
import {
  type ChangeEvent,
  type ClipboardEvent,
  type DragEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { shortenForMessage } from '../../core/model/hf-repo-id';
import { checkModelConfig } from '../../state/derived';
import { applyCustomModel, beginModelRequest } from '../../state/store';
import { MAX_CONFIG_BYTES, oversizeMessage, parseConfigText } from './config-text';
import { fetchHfConfig } from './hf-config-fetch';

/** What the model picker shows under the model: a message, and for a fetch worth repeating, the retry. */
export interface PickerError {
  text: string;
  retry?: () => void;
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

interface CustomConfigProps {
  /** The field to focus when the section opens from the model list's "no match" buttons. */
  focus: 'paste' | 'hf' | null;
  /** A Hugging Face id to fill in (from a link, or what was typed in the model field). */
  prefillRepo: string;
  onError: (error: PickerError | null) => void;
}

export default function CustomConfig({ focus, prefillRepo, onError }: CustomConfigProps) {
  // The paste box is uncontrolled: its text is not React state, so typing in a large config does not
  // re-render the section, and an oversized paste is refused before it reaches the box.
  const [hasPasted, setHasPasted] = useState(false);
  const [hfInput, setHfInput] = useState(prefillRepo);
  const [busy, setBusy] = useState(false);
  const latestRequest = useRef<AbortSignal | null>(null);
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const hfRef = useRef<HTMLInputElement>(null);
  const ids = { paste: useId(), upload: useId(), hf: useId() };
  useEffect(() => setHfInput(prefillRepo), [prefillRepo]);
  useEffect(() => {
    if (focus === 'paste') pasteRef.current?.focus();
    else if (focus === 'hf') hfRef.current?.focus();
  }, [focus]);
  const say = (text: string | null, retry?: () => void) =>
    onError(text === null ? null : retry ? { text, retry } : { text });

  const adoptConfig = async (config: unknown, name: string, repo: string | null, request?: AbortSignal) => {
    const checked = await checkModelConfig(config, name);
    // A newer choice made while the config was checked wins; this one is dropped without a word.
    if (request?.aborted) return;
    if (!checked.ok) {
      say(`${shortenForMessage(name)}: ${checked.message} The model in use has not changed.`);
      return;
    }
    if (applyCustomModel({ name, config, hfRepo: repo }, request)) say(null);
  };

  const fromText = async (text: string, fallbackName: string) => {
    const parsed = parseConfigText(text);
    if (!parsed.ok) {
      say(`${fallbackName}: ${parsed.message} The model in use has not changed.`);
      return;
    }
    const { config, name } = unwrapPreset(parsed.value);
    await adoptConfig(config, name ?? configName(config, fallbackName), null);
  };

  const refusePaste = (size: number, event: { preventDefault: () => void }): boolean => {
    const tooLarge = oversizeMessage(size);
    if (!tooLarge) return false;
    event.preventDefault();
    say(`The pasted text was not put in the box: ${tooLarge} The model in use has not changed.`);
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
      say(`${name}: ${tooLarge} The model in use has not changed.`);
      return;
    }
    await fromText(await file.text(), name);
  };

  const onFetch = async (repo: string = hfInput.trim()) => {
    const request = beginModelRequest();
    latestRequest.current = request;
    setBusy(true);
    say(null);
    try {
      const result = await fetchHfConfig(repo, { signal: request });
      if (request.aborted) return;
      if (!result.ok) {
        say(
          `${result.message} The model in use has not changed.`,
          result.retry ? () => void onFetch(repo) : undefined,
        );
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
    <>
      <div className="field">
        <label htmlFor={ids.paste}>Paste a config.json (or a data/models preset file)</label>
        <textarea
          id={ids.paste}
          ref={pasteRef}
          data-name="config-paste"
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
    </>
  );
}
