// Use your own config.json: pasted, uploaded, or fetched from Hugging Face by your browser (loaded when the
// section opens). A config that cannot be read shows what is wrong and keeps the model you had. The
// project's own data/models/<id>.json format is accepted too, and a pasted config is named by its
// _name_or_path.
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { checkModelConfig } from '../../state/derived';
import { applyCustomModel } from '../../state/store';

const HF_REPO = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
/** config.json files are a few KB; refuse anything absurd before parsing it. */
const MAX_CONFIG_BYTES = 1_000_000;

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

interface CustomConfigProps {
  /** The field to focus when the section opens from the model list's "no match" buttons. */
  focus: 'paste' | 'hf' | null;
  /** A Hugging Face id to fill in (from a link, or what was typed in the model field). */
  prefillRepo: string;
  onError: (message: string | null) => void;
}

export default function CustomConfig({ focus, prefillRepo, onError }: CustomConfigProps) {
  const [pasted, setPasted] = useState('');
  const [hfInput, setHfInput] = useState(prefillRepo);
  const [busy, setBusy] = useState(false);
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const hfRef = useRef<HTMLInputElement>(null);
  const ids = { paste: useId(), upload: useId(), hf: useId() };
  useEffect(() => setHfInput(prefillRepo), [prefillRepo]);
  useEffect(() => {
    if (focus === 'paste') pasteRef.current?.focus();
    else if (focus === 'hf') hfRef.current?.focus();
  }, [focus]);

  const adoptConfig = async (config: unknown, name: string, repo: string | null) => {
    const checked = await checkModelConfig(config, name);
    if (!checked.ok) {
      onError(`${name}: ${checked.message} The model in use has not changed.`);
      return;
    }
    onError(null);
    applyCustomModel({ name, config, hfRepo: repo });
  };

  const fromText = async (text: string, fallbackName: string) => {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      onError(`${fallbackName}: ${parsed.message} The model in use has not changed.`);
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
      onError(
        `${file.name}: the file is larger than 1 MB; a config.json is a few KB. The model in use has not changed.`,
      );
      return;
    }
    await fromText(await file.text(), file.name);
  };

  const onFetch = async () => {
    const repo = hfInput.trim();
    if (!HF_REPO.test(repo)) {
      onError(`"${repo}" is not a Hugging Face model id of the form org/name (e.g. Qwen/Qwen3-8B).`);
      return;
    }
    setBusy(true);
    const url = `https://huggingface.co/${repo}/resolve/main/config.json`;
    try {
      const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (response.status === 401 || response.status === 403) {
        onError(
          `Hugging Face refused ${repo} (HTTP ${response.status}): the model is gated or private. Download its config.json after accepting the licence and upload it here.`,
        );
      } else if (response.status === 404) {
        onError(`Hugging Face has no config.json for ${repo} (HTTP 404). Check the id, or upload the file.`);
      } else if (!response.ok) {
        onError(
          `Hugging Face answered HTTP ${response.status} for ${repo}. Try again later, or upload the config.json.`,
        );
      } else {
        const parsed = parseJson(await response.text());
        if (!parsed.ok) onError(`${repo}: ${parsed.message} The model in use has not changed.`);
        else await adoptConfig(parsed.value, repo, repo);
      }
    } catch {
      onError(
        `Could not reach huggingface.co for ${repo} (offline, blocked, or a network error). Upload the config.json instead.`,
      );
    } finally {
      setBusy(false);
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
    </>
  );
}
