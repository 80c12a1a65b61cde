// Turns zod issues into DataProblems that say how to fix them, for people editing JSON by hand.
import type { z } from 'zod';
import { type DataProblem, toJsonPath } from './problems.ts';

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = json;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function fixFor(issue: z.core.$ZodIssue, json: unknown): string {
  const here = valueAt(json, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return here === undefined
        ? `add the required field (${issue.expected}); data/README.md lists every field and its unit`
        : `write a ${issue.expected} here (found ${Array.isArray(here) ? 'array' : typeof here})`;
    case 'unrecognized_keys':
      return `remove or rename ${issue.keys.map((k) => `"${k}"`).join(', ')}: the allowed fields are in data/README.md (check the spelling and casing)`;
    case 'invalid_value':
      return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `add at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`
        : `use a value ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return `use a value ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`;
    case 'invalid_format':
      return `rewrite the value to match the ${issue.format} format (${issue.message})`;
    default:
      return `correct the value: ${issue.message}`;
  }
}

export function zodProblems(file: string, rule: string, error: z.ZodError, json: unknown): DataProblem[] {
  return error.issues.map((issue) => {
    const path =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1
        ? [...issue.path, issue.keys[0] as string]
        : issue.path;
    return {
      file,
      jsonPath: toJsonPath(path),
      severity: 'error',
      rule,
      message: issue.message,
      fix: fixFor(issue, json),
    };
  });
}
