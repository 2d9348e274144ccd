// The HTML report: one self-contained file (chart.js inlined, the data embedded as JSON,
// no network access) with interactive versions of the charts, the arms table, and per arm
// its charts and `persim explain` text, then the scenario file as run. The page script
// hydrates the embedded ChartSpecs with the same chart runtime as the PNGs.
import type { ChartSpec } from './charts/spec.js';
import { armCharts, comparisonCharts } from './charts/registry.js';
import { formatP } from './charts/survival.js';
import { hazardRatioCell, logRankCell, medianCell, medianDifferenceCell, relapsedCell } from './armCells.js';
import { chartRuntime } from './chartRuntime.js';
import type { ArmComparison } from './compareArms.js';
import type { ReportInput } from './reportInput.js';

export const REPORT_FILE = 'report.html';
const BROWSER_FONT = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that cannot close the <script> element it sits in; numbers to 6 digits (plenty for a chart). */
function scriptJson(value: unknown): string {
  const short = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v);
  return JSON.stringify(value, short).replace(/</g, '\\u003c');
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const interval = (lo: number, hi: number) => `${pct(lo)}-${pct(hi)}`;

function armsTable(rows: readonly ArmComparison[], hasArms: boolean): string {
  const head = [hasArms ? 'Arm' : 'Scenario', 'Relapsed', 'Median relapse (95% CI)', 'P(relapse) (95% CI)', 'P(extinct) (95% CI)'];
  if (hasArms) head.push(`Hazard ratio vs ${rows[0].name} (95% CI)`, 'Log-rank p', `Median difference vs ${rows[0].name} (95% CI)`, `Paired vs ${rows[0].name}: later/earlier/tied`, 'Paired sign test p');
  const body = rows.map((r, i) => {
    const cells = [
      r.name,
      relapsedCell(r),
      medianCell(r),
      `${pct(r.relapse_probability)} (${interval(...r.relapse_probability_ci95)})`,
      `${pct(r.extinction_probability)} (${interval(...r.extinction_probability_ci95)})`,
    ];
    if (hasArms) {
      cells.push(
        hazardRatioCell(r, i === 0) + (r.hazard_ratio_note === null ? '' : `: ${r.hazard_ratio_note}`),
        logRankCell(r, i === 0),
        medianDifferenceCell(r, i === 0),
        r.paired_later === null || r.paired_earlier === null || r.paired_ties === null ? '' : `${r.paired_later}/${r.paired_earlier}/${r.paired_ties}`,
        r.paired_sign_p === null ? '' : formatP(r.paired_sign_p),
      );
    }
    return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  return `<table class="arms"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

interface PlacedChart {
  readonly canvas: string;
  readonly spec: ChartSpec;
}

function chartBlock(c: PlacedChart): string {
  return `<figure class="chart"><div class="frame"><canvas id="${c.canvas}" role="img" aria-label="${escapeHtml(c.spec.title)}"></canvas></div></figure>`;
}

export const STYLE = `
body{font-family:${BROWSER_FONT};margin:0 auto;max-width:1240px;padding:16px 24px;color:#222;line-height:1.45}
h1{font-size:1.7em;margin:.3em 0}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
.meta{color:#555;font-size:.92em}.meta code{font-size:.95em}
table.arms{border-collapse:collapse;margin:1em 0;font-size:.95em}
table.arms th,table.arms td{border:1px solid #ccc;padding:4px 8px;text-align:left}
table.arms th{background:#f2f2f2}
figure.chart{margin:1em 0}.frame{position:relative;height:560px;width:100%}
pre{background:#f7f7f7;border:1px solid #ddd;padding:10px;overflow-x:auto;font-size:.85em}
details{margin:.6em 0}summary{cursor:pointer;font-weight:bold}
`;

const PAGE_SCRIPT = `
(function () {
  var hydrate = persimChartRuntime(Chart, ${JSON.stringify(BROWSER_FONT)});
  var data = JSON.parse(document.getElementById('persim-data').textContent);
  data.charts.forEach(function (c) {
    var canvas = document.getElementById(c.canvas);
    new Chart(canvas, hydrate(c.spec, { responsive: true, interactive: true }));
  });
})();
`;

export function reportHtml(input: ReportInput, chartJsSource: string): string {
  const placed: PlacedChart[] = [];
  const place = (spec: ChartSpec) => {
    const c = { canvas: `chart-${placed.length}`, spec };
    placed.push(c);
    return chartBlock(c);
  };
  const id = input.identity;
  const summary = input.arms[0].summary;
  const description = input.arms[0].scenario.description.trim();
  const comparison = comparisonCharts(input.arms, input.rows).map(place).join('\n');
  const armSections = input.arms.map((arm, i) => {
    const charts = armCharts(arm).map(place).join('\n');
    const heading = input.hasArms ? `<h2>Arm: ${escapeHtml(arm.name)}</h2>` : '<h2>Time course</h2>';
    const overrides = arm.summary.scenario.overrides;
    const sets = overrides.length > 0 ? `<p class="meta">Overrides: ${overrides.map((o) => `<code>${escapeHtml(o)}</code>`).join(', ')}</p>` : '';
    return `${heading}\n${sets}\n${charts}\n<details><summary>What theory expects (persim explain)</summary><pre>${escapeHtml(input.explain[i])}</pre></details>`;
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(id.name)}: persim report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(id.name)}</h1>
${description === '' ? '' : `<p>${escapeHtml(description)}</p>`}
<p class="meta">persim ${escapeHtml(input.version)} &middot; seed ${summary.seed} &middot; ${summary.replicates} replicate${summary.replicates === 1 ? '' : 's'}${input.hasArms ? ` per arm, ${input.arms.length} arms sharing their random numbers` : ''} &middot; ${escapeHtml(summary.engine)} engine, step ${summary.dt_h} h<br>
scenario <code>${escapeHtml(id.file)}</code> (sha256 <code>${escapeHtml(id.sha256.slice(0, 16))}</code>)${id.overrides.length > 0 ? `, with ${id.overrides.map((o) => `<code>${escapeHtml(o)}</code>`).join(', ')}` : ''}</p>
<h2>${input.hasArms ? 'Arms' : 'Outcome'}</h2>
${armsTable(input.rows, input.hasArms)}
${comparison}
${armSections}
<h2>Scenario</h2>
<pre>${escapeHtml(input.scenarioText)}</pre>
<script id="persim-data" type="application/json">${scriptJson({ charts: placed })}</script>
<script>${chartJsSource}</script>
<script>var persimChartRuntime = ${chartRuntime.toString()};</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
