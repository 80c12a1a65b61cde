// The model presets in data/models/ and the golden cases in tests/golden/ that point at them.
// A preset is a published Hugging Face config.json plus where it was read; see data/models/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelConfigError, modelFromHfConfig } from '../../src/core/index';
import { KV_CACHE_FORMAT_IDS, WEIGHT_FORMAT_IDS } from '../../src/core/memory/format-ids';
import { isIsoDate } from '../../src/core/units';

const root = join(__dirname, '..', '..');
const modelsDir = join(root, 'data', 'models');
const goldenDir = join(root, 'tests', 'golden');

const REQUIRED_FIELDS = ['id', 'name', 'hfRepo', 'sourceUrl', 'retrievedOn', 'license', 'config'] as const;
const ALLOWED_FIELDS = new Set<string>([...REQUIRED_FIELDS, 'note']);
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const HF_REPO_PATTERN = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

interface Preset {
  file: string;
  raw: Record<string, unknown>;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const presetFiles = readdirSync(modelsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const presets: Preset[] = presetFiles.map((file) => {
  const raw = readJson(join(modelsDir, file));
  if (!isObject(raw)) throw new Error(`${file}: not a JSON object`);
  return { file, raw };
});
const presetIds = new Set(presets.map((p) => p.raw.id));

/** The model_type a parser dispatches on: the top level, or text_config's for multimodal checkpoints. */
function modelTypes(config: Record<string, unknown>): string[] {
  const types: string[] = [];
  if (typeof config.model_type === 'string') types.push(config.model_type);
  if (isObject(config.text_config) && typeof config.text_config.model_type === 'string') {
    types.push(config.text_config.model_type);
  }
  return types;
}

describe('data/models presets', () => {
  it('has at least 34 presets', () => {
    expect(presets.length).toBeGreaterThanOrEqual(34);
  });

  it.each(presets.map((p) => [p.file, p] as const))('%s has the preset shape', (file, { raw }) => {
    for (const field of REQUIRED_FIELDS) expect(raw, `${file}: ${field}`).toHaveProperty(field);
    for (const key of Object.keys(raw))
      expect(ALLOWED_FIELDS.has(key), `${file}: unexpected field ${key}`).toBe(true);

    expect(typeof raw.id).toBe('string');
    expect(raw.id).toMatch(ID_PATTERN);
    expect(`${raw.id}.json`).toBe(file);

    expect(typeof raw.name).toBe('string');
    expect((raw.name as string).trim().length).toBeGreaterThan(0);
    expect(raw.hfRepo).toMatch(HF_REPO_PATTERN);
    expect(typeof raw.license).toBe('string');
    expect((raw.license as string).length).toBeGreaterThan(0);
    if (raw.note !== undefined) {
      expect(typeof raw.note).toBe('string');
      expect((raw.note as string).length).toBeGreaterThan(0);
    }

    expect(typeof raw.sourceUrl).toBe('string');
    const url = new URL(raw.sourceUrl as string);
    expect(url.protocol).toBe('https:');

    expect(typeof raw.retrievedOn).toBe('string');
    expect(isIsoDate(raw.retrievedOn as string), `${file}: retrievedOn ${String(raw.retrievedOn)}`).toBe(
      true,
    );
    expect((raw.retrievedOn as string) <= new Date().toISOString().slice(0, 10)).toBe(true);

    expect(isObject(raw.config)).toBe(true);
    expect(modelTypes(raw.config as Record<string, unknown>).length).toBeGreaterThan(0);
  });

  it('uses each Hugging Face repository once', () => {
    const repos = presets.map((p) => String(p.raw.hfRepo).toLowerCase());
    expect(new Set(repos).size).toBe(repos.length);
  });

  it('says where a config was read when it is not the Hugging Face page itself', () => {
    for (const { file, raw } of presets) {
      const url = String(raw.sourceUrl);
      const isHfPage = url.startsWith(`https://huggingface.co/${String(raw.hfRepo)}/`);
      if (!isHfPage)
        expect(raw.note, `${file}: sourceUrl is not the hfRepo page, so a note must say why`).toBeTypeOf(
          'string',
        );
    }
  });
});

describe('modelFromHfConfig on every preset', () => {
  it.each(presets.map((p) => [p.file, p] as const))('parses %s', (file, { raw }) => {
    let spec: ReturnType<typeof modelFromHfConfig> | undefined;
    try {
      spec = modelFromHfConfig(raw.config, String(raw.name));
    } catch (e) {
      const what = e instanceof ModelConfigError ? `ModelConfigError ${e.message}` : String(e);
      throw new Error(`${file}: ${what}`);
    }
    expect(spec.numLayers).toBeGreaterThan(0);
    expect(spec.hiddenSize).toBeGreaterThan(0);
    expect(spec.attentionLayers.length).toBe(spec.numLayers);
    expect(spec.tensors.length).toBeGreaterThan(0);
    for (const t of spec.tensors) {
      expect(Number.isSafeInteger(t.ne0 * t.ne1 * t.ne2), `${file}: ${t.name}`).toBe(true);
    }
  });

  it('rejects a preset config with a field removed, naming it', () => {
    const llama = presets.find((p) => p.raw.id === 'llama-3-1-8b');
    expect(llama).toBeDefined();
    const config = { ...(llama?.raw.config as Record<string, unknown>) };
    delete config.num_hidden_layers;
    expect(() => modelFromHfConfig(config)).toThrow(ModelConfigError);
    expect(() => modelFromHfConfig(config)).toThrow(/num_hidden_layers/);
  });
});

// The golden cases are the accuracy yardstick of the memory model; their tests live with the core
// (tests/core). Here: every case is well formed and points at a preset that exists.
const WEIGHT_FORMATS = new Set<string>(WEIGHT_FORMAT_IDS);
const KV_FORMATS = new Set<string>(KV_CACHE_FORMAT_IDS);

function goldenArray(name: string): Record<string, unknown>[] {
  const data = readJson(join(goldenDir, name));
  if (!Array.isArray(data)) throw new Error(`${name}: not an array`);
  return data.map((c, i) => {
    if (!isObject(c)) throw new Error(`${name}[${i}]: not an object`);
    return c;
  });
}

function expectSourced(where: string, c: Record<string, unknown>): void {
  expect(presetIds.has(c.model), `${where}: no preset ${String(c.model)}`).toBe(true);
  expect(new URL(String(c.url)).protocol, `${where}: url`).toBe('https:');
}

describe('tests/golden cases', () => {
  it('gguf-sizes.json: at least 40 well-formed cases on known presets and formats', () => {
    const cases = goldenArray('gguf-sizes.json');
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const seen = new Set<string>();
    cases.forEach((c, i) => {
      const where = `gguf-sizes.json[${i}]`;
      expectSourced(where, c);
      expect(WEIGHT_FORMATS.has(String(c.format)), `${where}: format ${String(c.format)}`).toBe(true);
      expect(Number.isSafeInteger(c.fileBytes) && (c.fileBytes as number) > 0, `${where}: fileBytes`).toBe(
        true,
      );
      expect(String(c.repo)).toMatch(HF_REPO_PATTERN);
      expect(String(c.note)).toMatch(/GB|GiB|bytes/);
      expect(String(c.repo)).not.toMatch(/UD-|unsloth/i);
      const key = `${String(c.model)}|${String(c.format)}|${String(c.repo)}`;
      expect(seen.has(key), `${where}: duplicate ${key}`).toBe(false);
      seen.add(key);
    });
  });

  it('safetensors-sizes.json: parameter counts with their kind', () => {
    goldenArray('safetensors-sizes.json').forEach((c, i) => {
      const where = `safetensors-sizes.json[${i}]`;
      expectSourced(where, c);
      expect(['total', 'active']).toContain(c.kind);
      expect(Number.isSafeInteger(c.params) && (c.params as number) > 0, `${where}: params`).toBe(true);
    });
  });

  it('kv-sizes.json: engine log lines with context and cache format', () => {
    goldenArray('kv-sizes.json').forEach((c, i) => {
      const where = `kv-sizes.json[${i}]`;
      expectSourced(where, c);
      expect(KV_FORMATS.has(String(c.kvCacheFormat)), `${where}: kvCacheFormat`).toBe(true);
      expect(Number.isSafeInteger(c.contextTokens) && (c.contextTokens as number) > 0).toBe(true);
      expect(Number.isSafeInteger(c.kvBytes) && (c.kvBytes as number) > 0).toBe(true);
      expect(String(c.quote)).toMatch(/MiB|GiB/);
    });
  });
});
