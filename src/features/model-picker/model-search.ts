// Which presets match what a person typed in the model picker. Pure: no React, no DOM.
// A query matches when every word of it matches somewhere in the preset's name, id, Hugging Face repo or
// aliases, in any order, ignoring case, accents and punctuation ("deepseek r1" finds DeepSeek-R1, "llama
// 70b" finds Llama 3.1 70B and Llama 3.3 70B, "qwen2.5 72" finds Qwen2.5-72B). A word matches at the start
// of a word of the text or where letters turn into digits or back ("r1" in "DeepSeek-R1", "3" in "qwen3"),
// never in the middle of a number ("25" does not match "235B"), so short queries stay precise.

export interface SearchablePreset {
  id: string;
  name: string;
  hfRepo: string;
  aliases: readonly string[];
}

/** One field of a preset prepared for matching: its letters and digits only, and where words start. */
interface Prepared {
  compact: string;
  /** Positions in compact where a word, or a run of letters or of digits, starts. */
  starts: ReadonlySet<number>;
  /** Positions in compact where a word of the original text starts (after a space or punctuation). */
  wordStarts: ReadonlySet<number>;
}

/** Lowercase, accents removed: "Ł" and "é" compare as "l" and "e". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const ALNUM = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;

function prepare(text: string): Prepared {
  let compact = '';
  const starts = new Set<number>();
  const wordStarts = new Set<number>();
  let previous: 'letter' | 'digit' | 'gap' = 'gap';
  for (const ch of fold(text)) {
    if (!ALNUM.test(ch)) {
      previous = 'gap';
      continue;
    }
    const kind = DIGIT.test(ch) ? 'digit' : 'letter';
    if (previous === 'gap') {
      starts.add(compact.length);
      wordStarts.add(compact.length);
    } else if (previous !== kind) {
      starts.add(compact.length);
    }
    compact += ch;
    previous = kind;
  }
  return { compact, starts, wordStarts };
}

/** The words of a query, each with its punctuation removed ("2.5" -> "25", "deepseek-r1" -> "deepseekr1"). */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .map((w) => [...w].filter((ch) => ALNUM.test(ch)).join(''))
    .filter((w) => w !== '');
}

/** How well a word matches a field: 0 at the field's start, 1 at a word's start, 2 where letters turn into
 *  digits or back, null when it does not match. A digit run is not entered from the middle, and a word that
 *  ends in digits must not stop inside a number ("3" matches "3.1" but not "32B"). */
function matchQuality(word: string, field: Prepared): number | null {
  let best: number | null = null;
  for (const start of field.starts) {
    if (!field.compact.startsWith(word, start)) continue;
    const end = start + word.length;
    const lastIsDigit = DIGIT.test(word[word.length - 1] as string);
    const next = field.compact[end];
    if (lastIsDigit && next !== undefined && DIGIT.test(next) && !field.starts.has(end)) continue;
    const quality = start === 0 ? 0 : field.wordStarts.has(start) ? 1 : 2;
    if (best === null || quality < best) best = quality;
    if (best === 0) break;
  }
  return best;
}

export interface PresetMatch<P extends SearchablePreset> {
  preset: P;
  /** Lower is better. */
  score: number;
}

interface PreparedPreset<P> {
  preset: P;
  name: Prepared;
  others: Prepared[];
}

/** Build the search once per list of presets; the returned function answers each query. */
export function createModelSearch<P extends SearchablePreset>(presets: readonly P[]): (query: string) => P[] {
  const prepared: PreparedPreset<P>[] = presets.map((preset) => ({
    preset,
    name: prepare(preset.name),
    others: [preset.id, preset.hfRepo, ...preset.aliases].filter((t) => t !== '').map(prepare),
  }));
  return (query: string) => searchPrepared(prepared, query);
}

/** Presets matching the query, best first (see the file comment); every preset, in order, when the query
 *  has no words. */
export function searchModels<P extends SearchablePreset>(presets: readonly P[], query: string): P[] {
  return createModelSearch(presets)(query);
}

function searchPrepared<P extends SearchablePreset>(prepared: PreparedPreset<P>[], query: string): P[] {
  const words = queryWords(query);
  if (words.length === 0) return prepared.map((p) => p.preset);
  const matches: { preset: P; score: number; index: number }[] = [];
  prepared.forEach((p, index) => {
    let score = 0;
    for (const word of words) {
      const inName = matchQuality(word, p.name);
      if (inName !== null) {
        score += inName;
        continue;
      }
      let inOther: number | null = null;
      for (const field of p.others) {
        const q = matchQuality(word, field);
        if (q !== null && (inOther === null || q < inOther)) inOther = q;
      }
      if (inOther === null) return;
      // A word found only in the id, repo or an alias ranks below one found in the name.
      score += 3 + inOther;
    }
    // The whole query equal to the name, punctuation aside, ranks first.
    if (words.join('') === p.name.compact) score -= 10;
    matches.push({ preset: p.preset, score, index });
  });
  matches.sort(
    (a, b) => a.score - b.score || a.preset.name.length - b.preset.name.length || a.index - b.index,
  );
  return matches.map((m) => m.preset);
}
