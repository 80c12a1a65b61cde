import type { Assumption } from '../core/memory/estimate-types';
import { SourceLink } from './source-link';

/** The assumptions behind a result, folded, each with its source: what makes a number traceable. */
export function AssumptionList({ assumptions }: { assumptions: readonly Assumption[] }) {
  return (
    <details className="assumptions">
      <summary>Assumptions ({assumptions.length})</summary>
      <ul>
        {assumptions.map((a) => (
          <li key={a.id}>
            {a.text} <SourceLink href={a.source}>source</SourceLink>
          </li>
        ))}
      </ul>
    </details>
  );
}
