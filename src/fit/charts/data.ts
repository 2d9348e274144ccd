// fit-data.png: one panel per observable (rows) and arm (columns): the observations over
// the posterior-predictive band (5-95% and median at the observation times), time in days,
// a log y axis for log-normal observables (values <= 0 cannot sit on it and are left out).
import type { ChartSpec, Point } from '../../report/charts/spec.js';
import { ARM_COLORS, COLORS, cycle, days, logRange, rgba } from '../../report/charts/style.js';
import { FONT_FAMILY, type Renderer } from '../../report/renderPng.js';
import type { FitResult, Observable } from '../types.js';
import { drawPanel, fixedTicks, logTicks, sheet, shortNumber } from './panels.js';

const TOP = 60;
const SHEET_WIDTH = 1200;
const PANEL_HEIGHT = 380;

/** Arms in the order they first appear in the data, then in the bands. */
function armsOf(r: FitResult): string[] {
  const arms: string[] = [];
  for (const o of r.data.observations) if (!arms.includes(o.arm)) arms.push(o.arm);
  for (const b of r.bands) if (!arms.includes(b.arm)) arms.push(b.arm);
  return arms;
}

/** The declared observables that have data or a band, then any other name the data use. */
function observablesOf(r: FitResult): { name: string; log: boolean }[] {
  const used = new Set([...r.data.observations.map((o) => o.observable), ...r.bands.map((b) => b.observable)]);
  const declared = new Map<string, Observable>(r.observables.map((o) => [o.name, o]));
  const names = [...r.observables.map((o) => o.name).filter((n) => used.has(n)), ...[...used].filter((n) => !declared.has(n))];
  return names.map((name) => ({ name, log: declared.get(name)?.noise === 'log-normal' }));
}

function panel(r: FitResult, observable: { name: string; log: boolean }, arm: string, armIndex: number): { spec: ChartSpec; yMin: number; yMax: number } {
  const map = (v: number) => (Number.isFinite(v) && (!observable.log || v > 0) ? v : null);
  const band = r.bands.filter((b) => b.observable === observable.name && b.arm === arm).sort((a, b) => a.timeH - b.timeH);
  const obs = r.data.observations.filter((o) => o.observable === observable.name && o.arm === arm);
  const at = (timeH: number, v: number): Point => ({ x: days(timeH), y: map(v) });
  const rgb = cycle(ARM_COLORS, armIndex);
  const datasets = [
    { label: '5-95%', data: band.map((b) => at(b.timeH, b.q95)), borderWidth: 0, pointRadius: 0, backgroundColor: rgba(COLORS.theory, 0.3), fill: '+1' as const },
    { label: '5%', data: band.map((b) => at(b.timeH, b.q05)), borderWidth: 0, pointRadius: 0, fill: false as const },
    { label: 'predictive median', data: band.map((b) => at(b.timeH, b.median)), borderColor: rgba(COLORS.theory), backgroundColor: rgba(COLORS.theory), borderWidth: 2, pointRadius: 0, fill: false as const },
    { label: 'data', data: obs.map((o) => at(o.timeH, o.value)), showLine: false, pointRadius: 3.5, borderColor: rgba(rgb), backgroundColor: rgba(rgb, 0.8), fill: false as const },
  ];
  const values = [...band.flatMap((b) => [b.q05, b.median, b.q95]), ...obs.map((o) => o.value)].filter(Number.isFinite);
  let yMin = 0;
  let yMax = 1;
  if (observable.log) {
    const positive = values.filter((v) => v > 0);
    const floor = positive.length > 0 ? Math.min(...positive) / 10 : 1;
    ({ min: yMin, max: yMax } = logRange(positive, floor));
  } else if (values.length > 0) {
    yMin = Math.min(0, ...values);
    yMax = Math.max(...values);
    if (!(yMax > yMin)) yMax = yMin + 1;
  }
  const lastH = Math.max(0, ...band.map((b) => b.timeH), ...obs.map((o) => o.timeH));
  const heading = arm === '' ? observable.name : `${observable.name}, arm ${arm}`;
  const spec: ChartSpec = {
    id: `fit-data-${observable.name}-${arm}`,
    title: heading,
    config: {
      type: 'line',
      data: { datasets },
      options: {
        plugins: { title: { display: true, text: heading, font: { size: 15, weight: 'bold' } }, legend: { position: 'bottom', labels: { boxWidth: 14, font: { size: 11 } } } },
        scales: {
          x: { type: 'linear', min: 0, ...(lastH > 0 ? { grace: '4%' } : { max: 1 }), title: { display: true, text: 'Time (days)' } },
          y: { type: observable.log ? 'logarithmic' : 'linear', min: yMin, max: yMax, title: { display: true, text: observable.name } },
        },
      },
    },
    tickFormats: {},
    // The lower edge of the band is not a series of its own.
    legendHidden: [1],
    bands: [],
  };
  return { spec, yMin, yMax };
}

export function fitDataPng(r: Renderer, result: FitResult): Uint8Array {
  const arms = armsOf(result);
  const observables = observablesOf(result);
  const cols = Math.max(1, arms.length);
  const rows = Math.max(1, observables.length);
  const panelWidth = Math.max(400, Math.floor(SHEET_WIDTH / cols));
  const width = cols * panelWidth;
  const height = TOP + rows * PANEL_HEIGHT;
  const { canvas, ctx } = sheet(r, width, height, 'Data and posterior-predictive bands', 'Points: observations; grey: 5-95% and median of the posterior-predictive observations at the observation times');
  if (arms.length === 0 || observables.length === 0) {
    ctx.font = `14px ${FONT_FAMILY}`;
    ctx.fillText('no observations', width / 2, height / 2);
    return canvas.toBuffer('image/png');
  }
  observables.forEach((observable, i) => {
    arms.forEach((arm, j) => {
      const { spec, yMin, yMax } = panel(result, observable, arm, j);
      drawPanel(r, ctx, j * panelWidth, TOP + i * PANEL_HEIGHT, panelWidth, PANEL_HEIGHT, spec, (config) => {
        const y = config.options.scales.y;
        if (observable.log) Object.assign(y, fixedTicks(logTicks(yMin, yMax)));
        y.ticks = { ...(y.ticks ?? {}), autoSkip: !observable.log, callback: (v: number) => shortNumber(v) };
      });
    });
  });
  return canvas.toBuffer('image/png');
}
