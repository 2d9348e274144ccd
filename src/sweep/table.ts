// The readable stdout summary of `persim sweep`: one line per point (the first 30) with the
// varied values and the chosen metric with its 95% interval, then the files written.
import { fmt } from '../output/numbers.js';
import { METRIC_INFO, cureOf, noResponseOf } from './metrics.js';
import type { SweepPlan } from './plan.js';
import type { SweepOutcome } from './runSweep.js';
import { dimensionHeader } from './csv.js';
import { scaleOf, unitOf } from './design.js';
import { inShard, type Shard } from './shard.js';
import type { Estimate } from './medianInterval.js';

const MAX_ROWS = 30;

function estimateText(e: Estimate, cure: Estimate | null, noResponse: boolean): string {
  if (e.value === null && cure !== null) return `cured: P(cure) ${fmt(cure.value ?? 0)}  [${fmt(cure.lo ?? 0)}, ${fmt(cure.hi ?? 1)}]`;
  if (noResponse) return 'no response (no replicate fell below the threshold)';
  if (e.value === null) return 'not reached';
  const lim = (x: number | null) => (x === null ? 'NA' : fmt(x));
  return `${fmt(e.value)}  [${lim(e.lo)}, ${lim(e.hi)}]`;
}

export function sweepTable(plan: SweepPlan, shard: Shard, outcome: Extract<SweepOutcome, { status: 'done' }>, seconds: number): string {
  const { results } = outcome;
  const info = METRIC_INFO[plan.metric];
  const headers = plan.dimensions.map((d) => dimensionHeader({ path: d.path, spec: d.spec, unit: unitOf(d), scale: scaleOf(d) }));
  const mine = plan.points.filter((p) => inShard(p.index, shard));
  const shown = results.summaries.slice(0, MAX_ROWS);
  const rows = shown.map((s, i) => [...mine[i].values.map((v) => (typeof v === 'number' ? fmt(v) : v)), estimateText(s.metrics[plan.metric], cureOf(s, plan.metric), noResponseOf(s, plan.metric))]);
  const table = [[...headers, `${info.label}  [95% CI]`], ...rows];
  const widths = table[0].map((_, j) => Math.max(...table.map((r) => r[j].length)));
  const lines = [
    `${plan.identity.name}: ${outcome.points} point${outcome.points === 1 ? '' : 's'} x ${plan.replicates} replicates, seed ${plan.seed}` +
      `${outcome.resumed > 0 ? ` (${outcome.resumed} resumed)` : ''}, ${seconds.toFixed(1)} s`,
    '',
    ...table.map((r) => `  ${r.map((c, j) => c.padEnd(widths[j])).join('   ').trimEnd()}`),
    ...(results.summaries.length > MAX_ROWS ? [`  ... ${results.summaries.length - MAX_ROWS} more rows in sweep.csv`] : []),
    '',
    ...(results.noChart ? [`  ${results.noChart}`] : []),
    ...outcome.written.map((f) => `  wrote ${f}`),
  ];
  return lines.join('\n') + '\n';
}
