// One call for the projection view: the monthly frontier, the fitted projection and the published
// reference lines drawn from the frontier's latest point.
import type { Dataset } from '../../data/schema';
import { isoDateToYear } from '../units';
import { type ProjectionOptions, projectRigCost, type RigCostProjection } from './project';
import { PUBLISHED_RATES, type PublishedRate, type ReferencePoint, referenceLine } from './reference-rates';
import { type RigCostHistory, type RigCostHistoryOptions, rigCostHistory } from './rig-history';

export interface RigCostOutlookOptions extends RigCostHistoryOptions, ProjectionOptions {}

export interface ReferenceLine {
  rate: PublishedRate;
  points: ReferencePoint[];
}

export interface RigCostOutlook {
  history: RigCostHistory;
  projection: RigCostProjection;
  /** Each published rate applied to the latest frontier price, through the end of the horizon year.
   *  Empty when there is no frontier point. For comparison only: they are not fitted to the rig prices. */
  referenceLines: ReferenceLine[];
}

export function rigCostOutlook(dataset: Dataset, options: RigCostOutlookOptions = {}): RigCostOutlook {
  const history = rigCostHistory(dataset, options);
  const projection = projectRigCost(history.points, options);
  const latest = history.points[history.points.length - 1];
  const startYear = latest ? isoDateToYear(latest.date) : null;
  const referenceLines =
    latest && startYear !== null
      ? PUBLISHED_RATES.map((rate) => ({
          rate,
          points: referenceLine(
            rate.annualChange,
            { year: startYear, priceUsd: latest.priceUsd },
            projection.horizonYear + 1,
          ),
        }))
      : [];
  return { history, projection, referenceLines };
}
