// The explorer's three charts as persim chart specs (report/charts/spec.ts, hydrated by the
// report's chart runtime): the burden on a log axis, the persister fraction on a log axis,
// and relapse-free survival. Each has a fixed list of datasets, filled in as the run goes
// (traces.ts): the previous run's (faded) first, then this run's batch and live replicate.
import type { Scenario } from '../../../model/scenario.js';
import { relapseThreshold } from '../../../model/scenario.js';
import { exposureBands } from '../../../report/charts/exposure.js';
import type { ChartSpec, Point } from '../../../report/charts/spec.js';
import { COLORS, days, rgba } from '../../../report/charts/style.js';

export const FADED = 'rgba(110,110,110,0.45)';
const FADED_FILL = 'rgba(110,110,110,0.08)';
/** This run's batch: the median and its band, apart from the faded previous run. */
const BATCH = 'rgba(90,50,140,0.9)';
const BATCH_FILL = 'rgba(90,50,140,0.12)';

/** Dataset indices of the burden chart. */
export const BURDEN = { prevMedian: 0, prevLive: 1, low: 2, high: 3, median: 4, live: 5, livePersisters: 6, threshold: 7, liveResistant: 8 } as const;
export const FRACTION = { prevMedian: 0, prevLive: 1, median: 2, live: 3 } as const;
export const SURVIVAL = { prev: 0, curve: 1, ticks: 2 } as const;

const line = (label: string, color: string, extra: Record<string, unknown> = {}) => ({
  label, data: [] as Point[], borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, fill: false as const, ...extra,
});

function timeAxis(s: Scenario) {
  return { type: 'linear' as const, min: 0, max: days(s.time.horizonH), title: { display: true, text: 'Time (days)' } };
}

function plugins(title: string, subtitle: string) {
  return {
    title: { display: true, text: title, font: { size: 15, weight: 'bold' as const }, padding: { top: 4, bottom: 2 } },
    subtitle: { display: true, text: subtitle, font: { size: 11 }, padding: { bottom: 4 } },
    legend: { position: 'bottom' as const, labels: { boxWidth: 18, font: { size: 11 } } },
  };
}

export function burdenSpec(s: Scenario): ChartSpec {
  const threshold = relapseThreshold(s);
  const ceiling = Math.max(s.population.capacity ?? 0, s.population.initial * 10, threshold * 10);
  return {
    id: 'burden',
    title: 'Tumour burden',
    config: {
      type: 'line',
      data: {
        datasets: [
          line('previous run: median', FADED, { borderDash: [6, 4] }),
          line('previous run: the dish', FADED),
          line('10%', 'rgba(0,0,0,0)', { borderWidth: 0 }),
          line('10-90% of replicates', 'rgba(0,0,0,0)', { borderWidth: 0, fill: '-1', backgroundColor: BATCH_FILL }),
          line('median of replicates', BATCH, { borderDash: [6, 4] }),
          line('the dish: all cells', rgba(COLORS.total), { borderWidth: 2.5 }),
          line('the dish: persisters', rgba(COLORS.persister)),
          line('relapse threshold', rgba(COLORS.threshold, 0.8), { borderDash: [2, 3], borderWidth: 1.5, data: [{ x: 0, y: threshold }, { x: days(s.time.horizonH), y: threshold }] }),
          line('the dish: resistant', 'rgba(204,121,167,1)'),
        ],
      },
      options: {
        plugins: plugins('Tumour burden', 'cells, log scale; shading: drug exposure'),
        scales: {
          x: timeAxis(s),
          y: { type: 'logarithmic', min: 1, max: 10 ** Math.ceil(Math.log10(ceiling)), title: { display: true, text: 'Cells' } },
        },
      },
    },
    tickFormats: { y: 'pow10' },
    legendHidden: [BURDEN.low],
    bands: exposureBands(s),
  };
}

export function fractionSpec(s: Scenario): ChartSpec {
  return {
    id: 'fraction',
    title: 'Persister fraction',
    config: {
      type: 'line',
      data: {
        datasets: [
          line('previous run: median', FADED, { borderDash: [6, 4] }),
          line('previous run: the dish', FADED),
          line('median of replicates', BATCH, { borderDash: [6, 4] }),
          line('the dish', rgba(COLORS.persister), { borderWidth: 2.5 }),
        ],
      },
      options: {
        plugins: plugins('Persister fraction', 'persisters among living cells, log scale'),
        scales: {
          x: timeAxis(s),
          y: { type: 'logarithmic', min: 1e-4, max: 1, title: { display: true, text: 'Persisters' } },
        },
      },
    },
    tickFormats: { y: 'percent' },
    legendHidden: [],
    bands: exposureBands(s),
  };
}

export function survivalSpec(s: Scenario): ChartSpec {
  const ticks = { label: 'censored', data: [] as Point[], showLine: false, clip: false as const, pointStyle: 'line' as const, rotation: 90, pointRadius: 6, borderWidth: 2, borderColor: rgba(COLORS.total), backgroundColor: rgba(COLORS.total), fill: false as const };
  return {
    id: 'survival',
    title: 'Relapse-free survival',
    config: {
      type: 'line',
      data: {
        datasets: [
          line('previous run', FADED, { stepped: 'before', borderWidth: 2.5, backgroundColor: FADED_FILL }),
          line('this run', rgba(COLORS.total), { stepped: 'before', borderWidth: 2.5 }),
          ticks,
        ],
      },
      options: {
        plugins: plugins('Relapse-free survival', 'Kaplan-Meier over the batch of replicates'),
        scales: {
          x: timeAxis(s),
          y: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'Relapse-free' } },
        },
      },
    },
    tickFormats: {},
    legendHidden: [SURVIVAL.ticks],
    bands: [],
  };
}
