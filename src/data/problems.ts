// One shape for everything wrong with a data file, shared by parseDataset (the app shows these) and the
// lint (npm run lint:data prints them): which file, where in it, what is wrong, and how to fix it.
export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface DataProblem {
  /** Path of the file from the repository root, e.g. data/prices/nvidia-rtx-3090-24gb.json. */
  file: string;
  /** Where in the file, as a JSON path: $ for the whole file, $.observations[3].source.url for one field. */
  jsonPath: string;
  severity: Severity;
  /** The rule that found it (a file name in src/data/lint/rules/, or 'json-syntax'). */
  rule: string;
  message: string;
  /** What to change so the problem goes away. */
  fix: string;
  /** Set when the app left a record out because of this problem: the file, or the file and the record's JSON
   *  path (data/prices/x.json $.observations[3]). */
  leftOut?: string;
}

/** Turns a path of keys and indexes into $.a.b[0].c; keys that are not identifiers are quoted. */
export function toJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function formatProblem(p: DataProblem): string {
  return `${p.severity} ${p.file} ${p.jsonPath} [${p.rule}] ${p.message}\n  fix: ${p.fix}`;
}
