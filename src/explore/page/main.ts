// Starts the explorer page: reads the embedded lessons, creates the two Web Workers from the
// page's own inlined script (a Blob URL, so the page works when opened from file://), sets
// up chart.js with the report's chart runtime, and hands over to ExplorerApp. The tests
// read `window.persimExplorer.state()`.
import type { Chart, Plugin } from 'chart.js';
import { chartRuntime } from '../../report/chartRuntime.js';
import type { Lesson } from '../lessons/lesson.js';
import { APP_SCRIPT_ID, BROWSER_FONT, DATA_SCRIPT_ID } from '../pageIds.js';
import { ExplorerApp } from './app.js';
import { ExplorerCharts, nowLinePlugin } from './charts/explorerCharts.js';
import { byId } from './dom.js';
import { renderGlossary } from './ui/glossary.js';
import { renderLessonChooser } from './ui/lessonPanel.js';

export interface ExplorerData {
  readonly lessons: readonly Lesson[];
  /** Id of the lesson shown first. */
  readonly initial: string;
  readonly version: string;
}

export function startPage(): void {
  const data = JSON.parse(byId(DATA_SCRIPT_ID).textContent ?? '{}') as ExplorerData;
  const code = byId(APP_SCRIPT_ID).textContent ?? '';
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const workers = { live: new Worker(url, { name: 'persim-live' }), batch: new Worker(url, { name: 'persim-batch' }) };
  const ChartLib = (globalThis as unknown as { Chart?: typeof Chart }).Chart;
  if (ChartLib === undefined) throw new Error('chart.js is missing from the page');
  const hydrate = chartRuntime(ChartLib, BROWSER_FONT);
  ChartLib.register(nowLinePlugin as Plugin);
  const charts = new ExplorerCharts(ChartLib, hydrate, {
    burden: byId<HTMLCanvasElement>('chart-burden'),
    fraction: byId<HTMLCanvasElement>('chart-fraction'),
    survival: byId<HTMLCanvasElement>('chart-survival'),
  });
  renderGlossary(byId('glossary'));
  const app = new ExplorerApp(data.lessons, workers, charts);
  renderLessonChooser(byId<HTMLSelectElement>('lesson-select'), data.lessons, data.initial, (id) => app.chooseLesson(id));
  byId('version').textContent = `persim ${data.version}`;
  (window as unknown as { persimExplorer: unknown }).persimExplorer = { state: () => app.state() };
  app.start(data.initial);
}
