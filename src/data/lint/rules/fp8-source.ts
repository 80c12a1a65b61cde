// A yes or no for native fp8 is a claim that decides which rigs qualify for the projection: it needs a source.
import type { DataProblem } from '../../problems';
import type { LintRule } from '../types';

export const fp8SourceRule: LintRule = {
  id: 'fp8-source',
  description: "fp8 'yes'/'no' carries a source",
  check({ files }) {
    const out: DataProblem[] = [];
    for (const f of files) {
      if (f.folder !== 'hardware' || !f.data?.fp8) continue;
      const { native, source } = f.data.fp8;
      if (native === 'unknown' || source !== undefined) continue;
      out.push({
        file: f.path,
        jsonPath: '$.fp8.source',
        severity: 'error',
        rule: 'fp8-source',
        message: `fp8.native is "${native}" without a source`,
        fix: 'add fp8.source { url, retrievedOn } (a datasheet or support matrix), or set native to "unknown"',
      });
    }
    return out;
  },
};
