// Where the numbers come from: the dataset's size and date range, and any data file that was left out.
import type { Dataset } from '../../data/schema';
import { useDatasetState } from '../../state/dataset-resource';

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
  const problems = data.value.problems;
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
        <p className="muted small">All data files passed validation.</p>
      )}
    </div>
  );
}
