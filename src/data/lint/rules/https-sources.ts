// Every source link (url, archivedUrl, and a model preset's sourceUrl) is an https URL that parses.
import type { DataProblem } from '../../problems';
import { toJsonPath } from '../../problems.ts';
import { findKeyed } from '../context.ts';
import type { LintRule } from '../types';

const URL_KEYS = new Set(['url', 'archivedUrl', 'sourceUrl']);

function problemWith(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (u.protocol !== 'https:') return `uses ${u.protocol.replace(':', '')}, not https`;
  if (!u.hostname.includes('.')) return 'has no real host name';
  if (/\s/.test(value)) return 'contains white space';
  return undefined;
}

export const httpsSourcesRule: LintRule = {
  id: 'https-sources',
  description: 'sources are https URLs',
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.json === undefined) continue;
      for (const { path, value } of findKeyed(f.json, URL_KEYS)) {
        const why = problemWith(value);
        if (why === undefined) continue;
        out.push({
          file: f.path,
          jsonPath: toJsonPath(path),
          severity: 'error',
          rule: 'https-sources',
          message: `${JSON.stringify(value)} ${why}`,
          fix: 'link the https page of the original publisher (most sites serve https; an archive.org snapshot is https too)',
        });
      }
    }
    return out;
  },
};
