// The projection's assumptions, in the user's hands: the rig class on the chart, target memory, price
// threshold, the rate, the DRAM spike, and where the fit window starts. Each label says what it does.
import { useId } from 'react';
import { formatUsd } from '../../components/format';
import { SelectField } from '../../components/select-field';
import { Slider } from '../../components/slider';
// The submodule, not the core barrel: the barrel would pull the rig search into the first-paint chunk.
import { PUBLISHED_RATES } from '../../core/projection/reference-rates';
import { RIG_CLASS_LABELS } from '../../core/projection/rig-class-labels';
import {
  LIMITS,
  PROJECTION_CLASSES,
  type ProjectionClass,
  projectionClassOf,
  RATE_ASSUMPTIONS,
  type RateAssumptionId,
} from '../../scenario';
import { setScenario, useScenarioField } from '../../state/store';

/** $1,000 to $100,000 in steps a person would pick; the number field takes any multiple of $100. */
const THRESHOLD_STOPS = [
  1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 7500, 10_000, 12_500, 15_000, 20_000, 25_000, 30_000,
  40_000, 50_000, 75_000, 100_000,
] as const;

/** 64 GiB to 2 TiB: powers of two and 1.5x them. */
const TARGET_STOPS = [64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048] as const;

// What each rate does: every one starts the line from the class's latest price.
const RATE_LABELS: Record<string, string> = {
  fitted: 'Fitted to this class’s prices',
  custom: 'A yearly decline you set',
  ...Object.fromEntries(PUBLISHED_RATES.map((r) => [r.id, `Published: ${r.label}`])),
};
const CLASS_LETTER: Record<ProjectionClass, string> = { 'good-fp8': 'a', 'gpu-unified': 'b', any: 'c' };
const RATE_OPTIONS = RATE_ASSUMPTIONS.map((id) => ({ value: id, label: RATE_LABELS[id] ?? id }));

const FIT_START_OPTIONS = [
  { value: '0', label: 'Every month with a price' },
  ...Array.from({ length: 2026 - 2015 + 1 }, (_, i) => ({
    value: String(2015 + i),
    label: `Months from January ${2015 + i} on`,
  })),
];

function ClassChoice() {
  const chosen = projectionClassOf({ projectionClass: useScenarioField('projectionClass') });
  const name = useId();
  return (
    <fieldset className="class-choice" data-name="projection-class">
      <legend>Rig class on the chart</legend>
      {PROJECTION_CLASSES.map((c) => (
        <label key={c} className="class-option">
          <input
            type="radio"
            name={name}
            value={c}
            data-name={`class-${c}`}
            checked={chosen === c}
            onChange={() => setScenario({ projectionClass: c })}
          />
          <span>
            ({CLASS_LETTER[c]}) {RIG_CLASS_LABELS[c]}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function ProjectionInputs() {
  const target = useScenarioField('targetMemoryGiB');
  const threshold = useScenarioField('thresholdUsd');
  const rate = useScenarioField('rate');
  const decline = useScenarioField('customDeclinePercent');
  const includeSpike = useScenarioField('includeSpike');
  const fitStartYear = useScenarioField('fitStartYear');
  const spikeId = useId();
  return (
    <div className="input-grid">
      <ClassChoice />
      <Slider
        label="Target memory"
        name="target"
        value={target}
        min={LIMITS.targetMemoryGiB.min}
        max={LIMITS.targetMemoryGiB.max}
        stops={TARGET_STOPS}
        unit="GiB"
        formatValue={(v) => `${v} GiB`}
        onChange={(v) => setScenario({ targetMemoryGiB: v })}
      />
      <Slider
        label="Price threshold"
        name="threshold"
        value={threshold}
        min={LIMITS.thresholdUsd.min}
        max={LIMITS.thresholdUsd.max}
        step={100}
        stops={THRESHOLD_STOPS}
        unit="USD"
        formatValue={formatUsd}
        formatBound={formatUsd}
        onChange={(v) => setScenario({ thresholdUsd: v })}
      />
      <SelectField<RateAssumptionId>
        label="Yearly price change from the latest price"
        name="rate"
        value={rate}
        options={RATE_OPTIONS}
        onChange={(v) => setScenario({ rate: v })}
      />
      {rate === 'custom' ? (
        <Slider
          label="Custom decline"
          name="decline"
          value={decline}
          min={LIMITS.customDeclinePercent.min}
          max={LIMITS.customDeclinePercent.max}
          unit="%/yr"
          formatValue={(v) => `${v}% cheaper each year`}
          onChange={(v) => setScenario({ customDeclinePercent: v })}
        />
      ) : null}
      <div className="field checkbox-field">
        <input
          id={spikeId}
          type="checkbox"
          data-name="exclude-spike"
          checked={!includeSpike}
          onChange={(e) => setScenario({ includeSpike: !e.target.checked })}
        />
        <label htmlFor={spikeId}>
          Fit the rate without the 2025–26 DRAM spike (the line still starts from the latest price)
        </label>
      </div>
      <SelectField<string>
        label="Fit the rate to"
        name="fit-start"
        value={String(fitStartYear)}
        options={
          FIT_START_OPTIONS.some((o) => o.value === String(fitStartYear))
            ? FIT_START_OPTIONS
            : [...FIT_START_OPTIONS, { value: String(fitStartYear), label: `From ${fitStartYear}` }]
        }
        onChange={(v) => setScenario({ fitStartYear: Number(v) })}
      />
    </div>
  );
}
