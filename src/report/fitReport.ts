// The report of a fit's folder (`persim report out/<name>-fit`): one self-contained page with
// the warnings first, the posterior summary, the predictions per arm, the generations of the
// sampler and the three PNGs of the fit embedded, read from the files the fit wrote.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FitJson } from '../fit/types.js';
import { STYLE, escapeHtml } from './html.js';

export const FIT_FILES = ['fit.json', 'posterior_summary.csv', 'predict.csv'] as const;

/** Rows of a CSV persim wrote (fields quoted only when they hold a comma, quote or line end). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function table(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  const tr = (cells: readonly string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${body.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

function png(dir: string, name: string, alt: string): string {
  const path = join(dir, name);
  if (!existsSync(path)) return `<p class="meta">${escapeHtml(name)} was not written (run the fit with charts).</p>`;
  return `<p><img alt="${escapeHtml(alt)}" style="max-width:100%" src="data:image/png;base64,${readFileSync(path).toString('base64')}"></p>`;
}

export function isFitFolder(dir: string): boolean {
  return existsSync(join(dir, 'fit.json')) && !existsSync(join(dir, 'summary.json'));
}

export function fitReportHtml(dir: string): string {
  const json = JSON.parse(readFileSync(join(dir, 'fit.json'), 'utf8')) as FitJson;
  const read = (f: string) => csvRows(readFileSync(join(dir, f), 'utf8'));
  const warnings = json.warnings.length === 0
    ? '<p>No warnings.</p>'
    : `<ul>${json.warnings.map((w) => `<li><b>${escapeHtml(w.kind)}</b>: ${escapeHtml(w.message)}</li>`).join('')}</ul>`;
  const generations = [['generation', 'temperature', 'acceptance_rate', 'ess', 'simulations', 'seconds'],
    ...json.generations.map((g) => [g.generation, g.temperature, g.acceptance_rate ?? '', g.ess, g.simulations, g.seconds].map((x) => (typeof x === 'number' ? String(Number(x.toPrecision(4))) : x)))];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(json.scenario.name)}: persim fit report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(json.scenario.name)}: fit</h1>
<p class="meta">persim ${escapeHtml(json.persim_version)} &middot; seed ${json.seed} &middot; ${escapeHtml(json.engine)} engine &middot; ${json.final.particles} particles, final ESS ${json.final.ess.toFixed(0)}, ${json.final.simulations} simulations<br>
scenario <code>${escapeHtml(json.scenario.file)}</code> (sha256 <code>${escapeHtml(json.scenario.sha256.slice(0, 16))}</code>) &middot; data <code>${escapeHtml(json.data.file)}</code> (${json.data.observations} observations of ${json.data.subjects} subjects, sha256 <code>${escapeHtml(json.data.sha256.slice(0, 16))}</code>)<br>
${escapeHtml(json.algorithm)}</p>
<h2>Warnings</h2>
${warnings}
<h2>Posterior</h2>
<p>Rates in /h. Contraction: 1 - posterior / prior variance on the prior's scale (0: not learned, 1: pinned down).</p>
${table(read('posterior_summary.csv'))}
${png(dir, 'posterior-pairs.png', 'posterior pairs')}
<h2>Data and posterior-predictive bands</h2>
${png(dir, 'fit-data.png', 'data over the posterior-predictive bands')}
<h2>Predicted relapse per arm</h2>
<p>Over posterior draws x stochastic replicates: the predictive distribution of one new tumour. Times in hours.</p>
${table(read('predict.csv'))}
${png(dir, 'predict-relapse.png', 'predicted relapse-free curves')}
<h2>Generations of the sampler</h2>
${table(generations)}
</body>
</html>
`;
}
