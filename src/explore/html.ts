// The explorer as one self-contained HTML file: the lessons as JSON, chart.js's browser
// build and the explorer bundle inlined (the page starts its Web Workers from that inlined
// copy), no external resource. The Content-Security-Policy allows nothing but the inline
// code and the workers' Blob URLs, so the page cannot reach the network.
import type { ExplorerData } from './page/main.js';
import { APP_SCRIPT_ID, DATA_SCRIPT_ID } from './pageIds.js';
import { EXPLORER_STYLE } from './pageStyle.js';

export const EXPLORER_FILE = 'index.html';

/** Text that cannot end the <script> element it is inlined in. */
export function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:";

export function explorerHtml(data: ExplorerData, appBundle: string, chartJsSource: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>persim explorer: reversible drug tolerance, live</title>
<style>${EXPLORER_STYLE}</style>
</head>
<body>
<header class="top">
<h1>persim explorer</h1>
<label>Lesson <select id="lesson-select"></select></label>
<span class="sub">Persister cells under chemotherapy: a stochastic simulation, live in your browser</span>
<span id="version"></span>
</header>
<main class="layout">
<section class="dish-col panel">
<div class="dish-wrap"><canvas id="dish" width="460" height="460" role="img" aria-label="The dish: every dot is a cell (or a group of cells)"></canvas><div id="dish-day" class="overlay day"></div><div id="dish-scale" class="overlay scale"></div></div>
<canvas id="drug-strip" height="30" role="img" aria-label="Drug effect over time"></canvas>
<div class="transport">
<button type="button" id="play">Play</button>
<button type="button" id="step" title="Move on by one record interval">Step</button>
<label>Speed <select id="speed"></select></label>
<label>Colour by <select id="color-by"></select></label>
</div>
<div id="dish-status" class="status"></div>
<div id="dish-legend" class="legend"></div>
<p class="note">The dish shows one replicate tumour as the engine simulates it: replicate 1 of <code>persim run --engine agent</code>, cell by cell, where divisions, deaths and switches are real events; or, for a tumour too large to follow cell by cell (over 2 million cells at the start), replicate 1 of <code>persim run --engine population</code>, where a dot stands for many cells and its events are drawn from the engine's counts. Positions are illustrative: the model is not spatial, so where a dot sits means nothing (daughters are placed beside their mothers). The background takes the chemotherapy's colour while it acts.</p>
</section>
<section class="charts-col panel">
<div class="chart"><canvas id="chart-burden" role="img" aria-label="Tumour burden over time"></canvas></div>
<div class="chart"><canvas id="chart-fraction" role="img" aria-label="Persister fraction over time"></canvas></div>
<div class="chart"><canvas id="chart-survival" role="img" aria-label="Relapse-free survival"></canvas></div>
</section>
<aside class="side-col">
<section id="lesson-panel" class="panel"></section>
<div id="error" class="error" hidden></div>
<section id="controls-panel" class="panel"></section>
</aside>
</main>
<section id="glossary"></section>
<script id="${DATA_SCRIPT_ID}" type="application/json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>
<script>${scriptSafe(chartJsSource)}</script>
<script id="${APP_SCRIPT_ID}">${scriptSafe(appBundle)}</script>
</body>
</html>
`;
}
