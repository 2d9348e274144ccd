// The readable stdout summary of `persim run`: one scenario, or a table of its arms.
import { relative, sep } from 'node:path';
import { dispersionOf, dispersionText } from '../analysis/dispersion.js';
import type { Summary } from '../output/summaryJson.js';
import type { ArmsDocument } from '../report/armsFiles.js';
import { hazardRatioCell, logRankCell, medianCell, medianDifferenceCell, relapsedCell } from '../report/armCells.js';
import { formatP } from '../report/charts/survival.js';

const days = (h: number | null) => (h === null ? 'not reached' : `${(h / 24).toFixed(1)} d`);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * With lineage barcodes the replicates are cultures of a fluctuation test: the cells left at
 * the end, and their dispersion index (lesson 09). Nothing otherwise, or with one replicate.
 */
export function fluctuationLines(summaries: readonly { name: string; summary: Summary }[]): string[] {
  if (!summaries.some((s) => s.summary.barcodes !== null && s.summary.barcodes !== undefined)) return [];
  const rows = summaries.flatMap(({ name, summary }) => {
    const d = dispersionOf(summary.runs.map((r) => r.final.total));
    return d === null ? [] : [`  ${name}: ${dispersionText(d)}`];
  });
  return rows.length === 0 ? [] : ['  cells left at the end per culture (fluctuation test):', ...rows, ''];
}

export function summaryText(sum: Summary, written: string[]): string {
  const r = sum.relapse;
  const n = sum.replicates;
  const nadirCells = median(sum.runs.map((x) => x.nadir_cells));
  const nadirH = median(sum.runs.map((x) => x.nadir_h));
  const noResponse = sum.runs.filter((x) => !x.responded).length;
  const lines = [
    `${sum.scenario.name}`,
    `  seed ${sum.seed}, ${n} replicate${n === 1 ? '' : 's'}, ${sum.engine} engine, step ${sum.dt_h} h, horizon ${days(sum.horizon_h)}`,
    `  relapse threshold: ${sum.relapse_threshold_cells.toExponential(2)} cells`,
    '',
    `  relapsed      ${r.relapsed}/${n} (${pct(r.probability)}, 95% CI ${pct(r.probability_ci95[0])}-${pct(r.probability_ci95[1])})`,
    `  extinct       ${r.extinct}/${n}`,
    `  censored      ${r.censored}/${n} (alive, not relapsed at the horizon)`,
    ...(noResponse > 0 ? [`  no response   ${noResponse}/${n} (the burden never fell below the threshold: not relapsed, not in the median)`] : []),
    noResponse === n
      ? '  median relapse: none (no replicate responded)'
      : `  median relapse ${days(r.median_h)}` +
        (r.median_h === null ? '' : ` (95% CI ${days(r.ci95_h[0])} to ${r.ci95_h[1] === null ? 'not reached' : days(r.ci95_h[1])})`) +
        (noResponse > 0 ? ` over the ${n - noResponse} that responded` : ''),
    `  median nadir  ${nadirCells === null ? '-' : Math.round(nadirCells)} cells at ${days(nadirH)}`,
    '',
    ...fluctuationLines([{ name: 'survivors', summary: sum }]),
    ...written.map((f) => `  wrote ${f}`),
  ];
  return lines.join('\n') + '\n';
}

/** Replicates where the arm relapses later / earlier than the first arm / tied with it (empty for the first arm). */
const paired = (a: ArmsDocument['arms'][number]) =>
  a.paired_later === null || a.paired_earlier === null || a.paired_ties === null ? '' : `${a.paired_later}/${a.paired_earlier}/${a.paired_ties}`;

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => '  ' + r.map((c, j) => c.padEnd(widths[j])).join('  ').trimEnd());
}

/** The stdout summary of a run with arms: one row per arm, then where the files went. */
export function armsText(doc: ArmsDocument, outDir: string, written: string[], summaries: readonly { name: string; summary: Summary }[] = []): string {
  const ref = doc.arms[0].name;
  const noted = doc.arms.filter((a, i) => i > 0 && a.hazard_ratio_note !== null);
  const noteMark = (i: number) => '*'.repeat(noted.indexOf(doc.arms[i]) + 1);
  const rows = [
    ['arm', 'relapsed', 'median relapse (95% CI)', 'P(extinct) (95% CI)', `HR vs ${ref} (95% CI)`, 'log-rank p', 'median difference (95% CI)', 'later/earlier/tied', 'paired p'],
    ...doc.arms.map((a, i) => [
      a.name,
      relapsedCell(a),
      medianCell(a),
      `${pct(a.extinction_probability)} (${pct(a.extinction_probability_ci95[0])}-${pct(a.extinction_probability_ci95[1])})`,
      hazardRatioCell(a, i === 0, noteMark(i)),
      logRankCell(a, i === 0),
      medianDifferenceCell(a, i === 0),
      paired(a),
      a.paired_sign_p === null ? '' : formatP(a.paired_sign_p),
    ]),
  ];
  const top = written.map((f) => relative(outDir, f)).filter((f) => !f.includes(sep));
  const notes = noted.map((a, k) => `  ${'*'.repeat(k + 1)} ${a.name}: ${a.hazard_ratio_note}`);
  const lines = [
    doc.scenario.name,
    `  seed ${doc.seed}, ${doc.replicates} replicate${doc.replicates === 1 ? '' : 's'} per arm, ${doc.arms.length} arms with the same random numbers`,
    '',
    ...table(rows),
    ...notes,
    '',
    ...fluctuationLines(summaries),
    `  wrote ${written.length} files into ${outDir}: ${top.join(', ')}`,
    `  and one folder per arm: ${doc.arms.map((a) => `${a.dir}/`).join(', ')}`,
  ];
  return lines.join('\n') + '\n';
}
