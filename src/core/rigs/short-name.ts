// Short names for rigs and their parts, for the table's first line ("4 × used Tesla P100 16GB + budget
// host"); the full item names stay in the component list below it. Pure: no React, no DOM.
import type { RigComponent, RigQuote } from './types';

const stripParens = (text: string) => text.replace(/\s*\([^()]*\)/g, '').trim();
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

function shortGpu(name: string): string {
  return squeeze(
    name
      .replace(/^NVIDIA (GeForce )?/, '')
      .replace(/^AMD (Radeon )?/, '')
      .replace(/^Intel /, '')
      .replace(/ PCIe\b/, '')
      .replace(/ Workstation Edition$/, ''),
  );
}

/** "1-GPU budget host (Dec 2024): Ryzen 5 5500, …" -> "budget host"; "4-GPU host: ASRock Rack ROMED8-2T,
 *  EPYC 7252, …" -> "ASRock Rack ROMED8-2T host" (a bare "host" says nothing). */
function shortHost(name: string): string {
  // Parenthesised asides first: some hold a colon or commas of their own ("(Maximum PC build: …)").
  const flat = stripParens(name);
  const colon = flat.indexOf(':');
  const head = colon >= 0 ? flat.slice(0, colon) : flat;
  const kind = head.replace(/^\d+(-\d+)?[- ]GPU /, '').trim();
  if (/^(used )?host$/.test(kind) && colon >= 0) {
    const first = (flat.slice(colon + 1).split(',')[0] ?? '').trim();
    if (first !== '') return `${first} host`;
  }
  return kind;
}

/** "NVIDIA DGX A100 (8x A100 SXM4 40GB, 320 GB)" -> "DGX A100 (320 GB)"; "Supermicro AS-4124GO-NART with 8x
 *  A100 SXM4 80GB (HGX A100, used)" -> "Supermicro AS-4124GO-NART". */
function shortSystem(name: string): string {
  const base = (name.split(' with ')[0] ?? name).replace(/^NVIDIA /, '');
  const memory = base.match(/\((?:[^()]*,\s+)?(\d[\d,]* GB)\)/);
  const stripped = stripParens(base);
  return memory ? `${stripped} (${memory[1]})` : stripped;
}

/** "Apple Mac Studio (M3 Ultra 32-core CPU/80-core GPU, 512 GB)" -> "Mac Studio (M3 Ultra, 512 GB)": the
 *  chip and the memory, not the core counts or the storage. */
function shortMachine(name: string): string {
  const base = name.replace(/^Apple /, '').replace(/^NVIDIA /, '');
  return squeeze(
    base.replace(/\(([^()]*)\)/, (_, inside: string) => {
      const parts = inside
        .split(',')
        .map((p) => p.replace(/\s*\d+-core (CPU|GPU)(\/\d+-core GPU)?/g, '').trim())
        .filter((p) => p !== '');
      const memory = parts.find((p) => /^\d+ GB/.test(p));
      const chip = parts[0] !== undefined && !/^\d+ GB/.test(parts[0]) ? parts[0] : undefined;
      if (memory === undefined) return '';
      return `(${[chip, memory].filter((p) => p !== undefined).join(', ')})`;
    }),
  );
}

/** "AMD Ryzen 5 7600 on ASRock B650M Pro RS, …, no DIMMs" -> "Ryzen 5 7600"; "Dell PowerEdge R740 (2U) with
 *  2x Xeon Gold 6126 and 128 GB DDR4 (4 x 32 GB), used" -> "Dell PowerEdge R740". */
function shortPlatform(name: string): string {
  const base = (name.split(' on ')[0] ?? name).split(' with ')[0] ?? name;
  return squeeze(
    stripParens(base.replace(/, (no DIMMs|used)$/g, ''))
      .replace(/^AMD /, '')
      .replace(/^Intel /, ''),
  );
}

/** "Corsair Vengeance 16 GB DDR5-6000 CL30 UDIMM (from the 2x16 GB kit …)" -> "16 GB DDR5 UDIMM". */
function shortModule(name: string): string {
  const size = name.match(/(\d+) GB/)?.[1];
  const generation = name.match(/DDR\d/)?.[0];
  const type = name.match(/\b(LRDIMM|RDIMM|UDIMM)\b/)?.[0] ?? (/desktop/.test(name) ? 'UDIMM' : undefined);
  if (size === undefined || generation === undefined) return stripParens(name);
  return [`${size} GB`, generation, type].filter((p) => p !== undefined).join(' ');
}

/** A part's short name by its role in the rig. */
export function shortComponentName(component: Pick<RigComponent, 'name' | 'role'>): string {
  switch (component.role) {
    case 'gpu':
      return shortGpu(component.name);
    case 'gpu-host':
      return shortHost(component.name);
    case 'gpu-system':
      return shortSystem(component.name);
    case 'machine':
      return shortMachine(component.name);
    case 'cpu-platform':
      return shortPlatform(component.name);
    case 'memory-module':
      return shortModule(component.name);
  }
}

function condition(c: RigComponent): string {
  return c.condition === 'new' ? '' : `${c.condition} `;
}

function counted(c: RigComponent): string {
  const name = `${condition(c)}${shortComponentName(c)}`;
  return c.quantity > 1 ? `${c.quantity} × ${name}` : name;
}

// Names are asked for the same rigs on every slider move (each search returns new quote objects): remembered
// by what they are made of, a few hundred at most.
const named = new Map<string, string>();
const MAX_REMEMBERED = 500;

/** The rig in one short line: "4 × used Tesla P100 16GB + budget host", "2 × Mac Studio (M3 Ultra, 512 GB)
 *  cluster", "used Dell PowerEdge R740 + 24 × 32 GiB". */
export function shortRigName(quote: Pick<RigQuote, 'kind' | 'label' | 'components'>): string {
  const key = `${quote.kind}|${quote.label}|${quote.components.map((c) => `${c.quantity}${c.condition}${c.role}${c.name}`).join('|')}`;
  const known = named.get(key);
  if (known !== undefined) return known;
  const name = nameRig(quote);
  if (named.size >= MAX_REMEMBERED) named.clear();
  named.set(key, name);
  return name;
}

function nameRig(quote: Pick<RigQuote, 'kind' | 'label' | 'components'>): string {
  const byRole = (role: RigComponent['role']) => quote.components.filter((c) => c.role === role);
  const gpus = byRole('gpu');
  const parts: string[] = [];
  switch (quote.kind) {
    case 'unified':
    case 'unified-cluster': {
      const machine = byRole('machine')[0];
      if (!machine) return quote.label;
      const name = `${condition(machine)}${shortComponentName(machine)}`;
      return machine.quantity > 1 ? `${machine.quantity} × ${name} cluster` : name;
    }
    case 'multi-gpu': {
      const system = byRole('gpu-system')[0];
      if (system) return `${condition(system)}${shortComponentName(system)}`;
      parts.push(...gpus.map(counted), ...byRole('gpu-host').map(counted));
      break;
    }
    case 'cpu-server':
    case 'gpu-ram-hybrid': {
      parts.push(...gpus.map(counted), ...byRole('cpu-platform').map(counted));
      const modules = byRole('memory-module');
      if (modules.length > 0) parts.push(...modules.map(counted));
      else {
        // DIMMs sold with the platform: the label says how many ("… with 24 × 32 GiB").
        const dimms = quote.label.match(/ with (\d+ × [\d.]+ GiB)/)?.[1];
        if (dimms) parts.push(dimms);
      }
      break;
    }
  }
  if (parts.length === 0) return quote.label;
  const name = parts.join(' + ');
  return /\(layers split\)$/.test(quote.label) ? `${name} (layers split)` : name;
}
