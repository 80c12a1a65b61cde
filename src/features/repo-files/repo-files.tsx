// Exact bytes from a model repository: list a Hugging Face repository's files with their sizes, group them
// into variants (GGUF quantizations, safetensors checkpoints), and on a pick read only the headers of that
// variant's files with Range requests. The memory estimate then uses the files' tensors instead of the
// predicted mix. Every request goes to huggingface.co (and the storage host it redirects to) and only when
// the person asks; what each lookup cost is shown.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatGiB } from '../../components/format';
import { declaredStandardFormat } from '../../core/inventory/exact-weights';
import type { TensorInventory } from '../../core/inventory/inventory';
import { groupRepoFiles, type RepoVariant } from '../../core/inventory/repo-files';
import { ROLE_LABELS } from '../../core/inventory/roles';
import {
  fetchConfigText,
  fetchRepoListing,
  HF_REPO_ID,
  type RepoListing,
  readVariantInventory,
} from '../../net/hf-hub';
import { createHttpClient, type HttpClient, type NetError } from '../../net/http-range';
import { checkModelConfig, useMemoryEstimate } from '../../state/derived';
import { applyCustomModel, useScenarioField } from '../../state/store';
import {
  applyWeightFiles,
  clearWeightFiles,
  sameWeightFiles,
  useLoadedWeightFiles,
} from '../../state/weight-files';
import './repo-files.css';

const MiB = 2 ** 20;

interface Cost {
  requests: number;
  bytes: number;
  ms: number;
}

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'error'; text: string };

function bytesText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

function sizeText(bytes: number): string {
  return bytes < 0.1 * 2 ** 30 ? `${(bytes / MiB).toFixed(1)} MiB` : formatGiB(bytes, 2);
}

function costText(what: string, c: Cost): string {
  return `${what}: ${c.requests} request${c.requests === 1 ? '' : 's'}, ${bytesText(c.bytes)} in ${Math.round(c.ms)} ms`;
}

function errorText(e: NetError): string {
  return e.message.endsWith('.') ? e.message : `${e.message}.`;
}

/** num_hidden_layers of a config (or of its text_config): blocks past it are multi-token prediction. */
function mainLayersOf(config: unknown): number | undefined {
  const c = config as { num_hidden_layers?: unknown; text_config?: { num_hidden_layers?: unknown } } | null;
  const n = c?.num_hidden_layers ?? c?.text_config?.num_hidden_layers;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function RepoFiles() {
  const weights = useScenarioField('weights');
  const loaded = useLoadedWeightFiles();
  const estimate = useMemoryEstimate();
  const [repo, setRepo] = useState(weights?.repo ?? '');
  const [revision, setRevision] = useState('');
  const [listing, setListing] = useState<{ listing: RepoListing; variants: RepoVariant[] } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [costs, setCosts] = useState<{ list?: Cost; read?: Cost }>({});
  /** The variant picked last (shown checked while its headers are read). */
  const [picked, setPicked] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const ids = { repo: useId(), rev: useId(), variants: useId() };
  useEffect(() => () => abort.current?.abort(), []);

  const active = loaded && sameWeightFiles(loaded.ref, weights) ? loaded : null;
  const pending = weights && !active ? weights : null;

  const start = () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    return controller.signal;
  };
  const measure = (client: HttpClient, t0: number): Cost => ({
    requests: client.stats.requests,
    bytes: client.stats.bytes,
    ms: performance.now() - t0,
  });

  const list = async (repoId: string, rev: string, signal: AbortSignal) => {
    const client = createHttpClient();
    const t0 = performance.now();
    setStatus({ kind: 'busy', text: `Listing the files of ${repoId}…` });
    const r = await fetchRepoListing(client, repoId, rev || 'main', signal);
    if (signal.aborted) return null;
    setCosts({ list: measure(client, t0) });
    if (!r.ok) {
      setStatus({ kind: 'error', text: errorText(r.error) });
      setListing(null);
      return null;
    }
    const variants = groupRepoFiles(r.value.files);
    const value = { listing: r.value, variants };
    setListing(value);
    setPicked(null);
    setStatus(
      variants.length === 0
        ? { kind: 'error', text: `${repoId} has no .gguf or .safetensors files at this revision.` }
        : { kind: 'idle' },
    );
    return value;
  };

  const read = async (l: RepoListing, variant: RepoVariant, signal: AbortSignal) => {
    const client = createHttpClient();
    const t0 = performance.now();
    setStatus({ kind: 'busy', text: `Reading the headers of ${variant.label}…` });
    let mainLayers: number | undefined;
    // A safetensors checkpoint comes with its config.json: use it as the model, so the KV cache and the
    // multi-token-prediction blocks match the files.
    if (variant.kind === 'safetensors' && l.files.some((f) => f.path === 'config.json')) {
      const cfg = await fetchConfigText(client, l.repo, l.sha, signal);
      if (signal.aborted) return;
      if (cfg.ok && cfg.value) {
        try {
          const config: unknown = JSON.parse(cfg.value);
          const checked = await checkModelConfig(config, l.repo);
          if (checked.ok) {
            applyCustomModel({ name: l.repo, config, hfRepo: l.repo });
            mainLayers = mainLayersOf(config);
          }
        } catch {
          // Not JSON: keep the model in use; the estimate says if the files do not match it.
        }
      }
    }
    const r = await readVariantInventory(client, l.repo, l.sha, variant, {
      signal,
      ...(mainLayers !== undefined ? { mainLayers } : {}),
    });
    if (signal.aborted) return;
    setCosts((c) => ({ ...c, read: measure(client, t0) }));
    if (!r.ok) {
      setStatus({ kind: 'error', text: errorText(r.error) });
      return;
    }
    const declared = declaredStandardFormat(r.value.inventory, variant.quant);
    applyWeightFiles(
      {
        ref: { repo: l.repo, revision: l.sha, file: variant.id },
        inventory: r.value.inventory,
        quantName: variant.quant,
        label: `${l.repo} @ ${l.sha.slice(0, 7)}: ${variant.label}`,
      },
      declared?.format.id,
    );
    setStatus({ kind: 'idle' });
  };

  const onList = async (e: FormEvent) => {
    e.preventDefault();
    const id = repo.trim();
    if (!HF_REPO_ID.test(id)) {
      setStatus({ kind: 'error', text: `"${id}" is not a Hugging Face model id of the form org/name.` });
      return;
    }
    await list(id, revision.trim(), start());
  };

  const onPick = async (variant: RepoVariant) => {
    if (!listing) return;
    setPicked(variant.id);
    await read(listing.listing, variant, start());
  };

  const onReadLinked = async () => {
    if (!pending) return;
    const signal = start();
    setRepo(pending.repo);
    const l = await list(pending.repo, pending.revision, signal);
    if (!l) return;
    const variant = l.variants.find((v) => v.id === pending.file);
    if (!variant) {
      setStatus({
        kind: 'error',
        text: `${pending.repo} has no file ${pending.file} at ${pending.revision.slice(0, 7)}.`,
      });
      return;
    }
    await read(l.listing, variant, signal);
  };

  const mismatches =
    estimate.status === 'ok' && estimate.value.exactWeights ? estimate.value.exactWeights.mismatches : [];
  const baseModel = listing?.listing.baseModels[0];

  const adoptBaseConfig = async (base: string) => {
    const signal = start();
    const client = createHttpClient();
    setStatus({ kind: 'busy', text: `Fetching the config.json of ${base}…` });
    const r = await fetchConfigText(client, base, 'main', signal);
    if (signal.aborted) return;
    if (!r.ok || !r.value) {
      setStatus({ kind: 'error', text: r.ok ? `${base} has no config.json.` : errorText(r.error) });
      return;
    }
    try {
      const config: unknown = JSON.parse(r.value);
      const checked = await checkModelConfig(config, base);
      if (!checked.ok) {
        setStatus({ kind: 'error', text: `${base}: ${checked.message}` });
        return;
      }
      applyCustomModel({ name: base, config, hfRepo: base });
      setStatus({ kind: 'idle' });
    } catch {
      setStatus({ kind: 'error', text: `The config.json of ${base} is not valid JSON.` });
    }
  };

  return (
    <div className="repo-files-body">
      <p className="muted small">
        Reads only the headers of the files you pick (HTTP Range requests to huggingface.co and the storage
        host it redirects to); nothing is sent but the repository and file names.
      </p>
      {pending ? (
        <p className="repo-linked" data-name="repo-linked">
          This link uses the exact weights of <strong>{pending.file}</strong> in {pending.repo} @{' '}
          {pending.revision.slice(0, 7)}; the estimate shows predicted weights until they are read.{' '}
          <button type="button" className="primary" data-name="repo-read-linked" onClick={onReadLinked}>
            Read the headers
          </button>
        </p>
      ) : null}
      <form className="repo-form" onSubmit={onList}>
        <div className="field">
          <label htmlFor={ids.repo}>Hugging Face repository</label>
          <input
            id={ids.repo}
            type="text"
            data-name="repo-id"
            placeholder="bartowski/Meta-Llama-3.1-8B-Instruct-GGUF"
            value={repo}
            onChange={(e) => setRepo(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="field repo-rev">
          <label htmlFor={ids.rev}>Revision</label>
          <input
            id={ids.rev}
            type="text"
            data-name="repo-revision"
            placeholder="main"
            value={revision}
            onChange={(e) => setRevision(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="submit" data-name="repo-list" disabled={!repo.trim() || status.kind === 'busy'}>
          List files
        </button>
      </form>
      {listing && listing.variants.length > 0 ? (
        <fieldset className="repo-variants" aria-describedby={ids.variants}>
          <legend>
            Pick a variant of {listing.listing.repo}{' '}
            <span className="muted small">@ {listing.listing.sha.slice(0, 7)}</span>
          </legend>
          <p id={ids.variants} className="muted small">
            Sizes are the files' exact bytes; picking one reads its headers.
          </p>
          {listing.variants.map((v) => (
            <label key={v.id} className="repo-variant">
              <input
                type="radio"
                name="repo-variant"
                data-name="repo-variant"
                value={v.id}
                checked={
                  picked !== null
                    ? picked === v.id
                    : active?.ref.file === v.id && active.ref.repo === listing.listing.repo
                }
                disabled={!v.complete || v.projector || status.kind === 'busy'}
                onChange={() => onPick(v)}
              />{' '}
              <span>
                <strong>{v.label}</strong> <span className="num">{sizeText(v.totalBytes)}</span>{' '}
                <span className="muted small">
                  {v.kind}, {v.files.length} file{v.files.length === 1 ? '' : 's'}
                  {v.projector ? ', vision projector' : ''}
                  {v.complete ? '' : ', incomplete'}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div role="status" aria-live="polite" className="repo-status" data-name="repo-status">
        {status.kind === 'busy' ? <p className="muted">{status.text}</p> : null}
      </div>
      <div role="alert" className="model-error" data-name="repo-error">
        {status.kind === 'error' ? <p className="error-text">{status.text}</p> : null}
      </div>
      {active ? (
        <InventorySummary
          inventory={active.inventory}
          label={active.label}
          costs={costs}
          onClear={() => {
            // The radio of the file that was read must not stay checked once predicted weights are back.
            setPicked(null);
            clearWeightFiles();
          }}
        />
      ) : null}
      {active && mismatches.length > 0 && baseModel ? (
        <p className="small">
          <button type="button" data-name="repo-use-base" onClick={() => adoptBaseConfig(baseModel)}>
            Use the config of {baseModel}
          </button>{' '}
          <span className="muted">(the base model this repository names)</span>
        </p>
      ) : null}
    </div>
  );
}

function InventorySummary({
  inventory,
  label,
  costs,
  onClear,
}: {
  inventory: TensorInventory;
  label: string;
  costs: { list?: Cost; read?: Cost };
  onClear: () => void;
}) {
  return (
    <div className="repo-summary" data-name="repo-summary">
      <p>
        <strong>{label}</strong>: exact tensor bytes{' '}
        <strong className="num" data-name="repo-exact-bytes">
          {formatGiB(inventory.totalBytes, 2)}
        </strong>{' '}
        ({inventory.totalBytes.toLocaleString('en-US')} bytes) in {inventory.tensors.length} tensors,{' '}
        {inventory.files.length} file{inventory.files.length === 1 ? '' : 's'}.
      </p>
      <p className="small" data-name="repo-types">
        By type: {inventory.byType.map((t) => `${t.type} ${sizeText(t.bytes)}`).join(', ')}.
      </p>
      <p className="small" data-name="repo-roles">
        By role: {inventory.byRole.map((r) => `${ROLE_LABELS[r.role]} ${sizeText(r.bytes)}`).join(', ')}.
      </p>
      <p className="muted small" data-name="repo-cost">
        {[
          costs.list ? costText('File list', costs.list) : null,
          costs.read ? costText('headers', costs.read) : null,
        ]
          .filter(Boolean)
          .join('; ')}
        {costs.read ? '.' : ''}
      </p>
      <button type="button" data-name="repo-clear" onClick={onClear}>
        Use predicted weights instead
      </button>
    </div>
  );
}
