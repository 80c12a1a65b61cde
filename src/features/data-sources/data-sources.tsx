// Where the numbers come from: the dataset's size and date range, and any data file that was left out.
import type { Dataset } from '../../data/schema';
import { useDatasetState } from '../../state/dataset-resource';
import { MODEL_PRESET_PROBLEMS } from '../../state/model-presets';

function summarize(dataset: Dataset) {
  let observations = 0;
  let latest = '';
  let earliest = '';
  for (const list of Object.values(dataset.prices)) {
    observations += list.length;
    for (const o of list) {
      if (o.observedOn > latest) latest = o.observedOn;
      if (earliest === '' || o.observedOn < earliest) earliest = o.observedOn;
    }
  }
  return { items: dataset.items.length, observations, earliest, latest, series: dataset.series.length };
}

export function DataSources() {
  const data = useDatasetState();
  if (data.status !== 'ready') {
    return <p className="muted">{data.status === 'loading' ? 'Loading the price dataset…' : data.message}</p>;
  }
  const summary = summarize(data.value.dataset);
  // Only records that passed every data check reach the page; anything left out is counted here.
  const problems = [...data.value.problems, ...MODEL_PRESET_PROBLEMS];
  return (
    <div className="data-sources">
      <p>
        Prices and specifications come from the open dataset in this project's <code>data/</code> folder:{' '}
        {summary.items} hardware items and {summary.observations} dated price observations
        {summary.observations > 0 ? ` (${summary.earliest} to ${summary.latest})` : ''}, plus {summary.series}{' '}
        published $/GB series. Every price in the rig table links to its source and date. Model configs are
        the models' published config.json files.
      </p>
      {problems.length > 0 ? (
        <p className="error-text" data-name="data-problems">
          {problems.length} problem{problems.length === 1 ? '' : 's'} found in the data files; the affected
          entries were left out (see the notice at the top).
        </p>
      ) : (
        <p className="muted small" data-name="data-clean">
          No data file or record was left out: every one passed the data checks.
        </p>
      )}
    </div>
  );
}
