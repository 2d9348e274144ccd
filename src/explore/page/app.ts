// The explorer page: lessons, controls, the dish and the charts wired together. It keeps
// the lesson, the arm and the moved controls; each change starts a new Session (a run),
// keeping the previous run faded on the charts. One animation loop moves the display clock,
// draws the dish and, a few times a second, the charts and the status line.
import type { Scenario } from '../../model/scenario.js';
import { ScenarioError } from '../../scenario/errors.js';
import { controlSet, type ControlSet } from '../controls/controlSet.js';
import { paintDish, type ColorBy } from '../dish/paint.js';
import { Raster, dishMask } from '../dish/raster.js';
import type { Lesson } from '../lessons/lesson.js';
import { armSets, parseLesson, resolveLesson, type LessonScenario } from '../lessons/lessonScenario.js';
import type { FromWorker } from '../worker/protocol.js';
import type { ExplorerCharts, RunTrace } from './charts/explorerCharts.js';
import { defaultSpeed } from './clock.js';
import { byId } from './dom.js';
import { Session, type Workers } from './session.js';
import { statusText } from './statusText.js';
import { renderControls } from './ui/controlsPanel.js';
import { DrugStrip } from './ui/drugStrip.js';
import { renderLegend } from './ui/legend.js';
import { renderLesson } from './ui/lessonPanel.js';
import { Transport } from './ui/transport.js';

const CHART_MS = 200;

export interface WorkerPair extends Workers {
  readonly live: Worker;
  readonly batch: Worker;
}

export class ExplorerApp {
  private lesson!: Lesson;
  private parsed: LessonScenario | null = null;
  private arm = 0;
  private values: Record<string, number | string> = {};
  private controls: ControlSet | null = null;
  private session: Session | null = null;
  /** The faded run under the current one (kept when the current one is replayed). */
  private previous: RunTrace | null = null;
  private gen = 0;
  private speed = 1;
  private colorBy: ColorBy = 'state';
  private playing = false;
  private readonly transport: Transport;
  private readonly strip = new DrugStrip(byId<HTMLCanvasElement>('drug-strip'));
  private readonly dishCanvas = byId<HTMLCanvasElement>('dish');
  private readonly image: ImageData;
  private readonly raster: Raster;
  private lastNow = 0;
  private lastCharts = 0;
  /** How far the adaptive drug's lane is filled in, hours. */
  private markedT = 0;
  /** Mean time to draw the dish, ms (exponential average), and frames drawn. */
  renderMs = 0;
  frames = 0;
  readonly errors: string[] = [];

  constructor(private readonly lessons: readonly Lesson[], private readonly workers: WorkerPair, private readonly charts: ExplorerCharts) {
    this.transport = new Transport({
      togglePlay: () => this.setPlaying(!this.playing),
      step: () => this.session?.clock.step(this.session.scenario.time.recordEveryH),
      speed: (d) => this.setSpeed(d),
      colorBy: (by) => {
        this.colorBy = by;
        if (this.session !== null) renderLegend(byId('dish-legend'), this.session.scenario, by, this.session.drugRgb);
      },
    });
    const size = Math.round(this.dishCanvas.clientWidth * Math.min(2, window.devicePixelRatio || 1)) || 460;
    this.dishCanvas.width = size;
    this.dishCanvas.height = size;
    const ctx = this.context();
    this.image = ctx.createImageData(size, size);
    this.raster = new Raster({ data: this.image.data, width: size, height: size }, dishMask(size));
    for (const w of [workers.live, workers.batch]) {
      w.onmessage = (e: MessageEvent<FromWorker>) => this.onWorker(e.data);
      w.onerror = (e) => this.showError(`worker: ${e.message}`);
    }
  }

  start(lessonId: string): void {
    this.chooseLesson(lessonId);
    const loop = (now: number) => {
      this.animate(now);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }

  chooseLesson(id: string): void {
    const lesson = this.lessons.find((l) => l.id === id) ?? this.lessons[0];
    this.lesson = lesson;
    this.arm = 0;
    this.values = {};
    this.setPlaying(false);
    try {
      this.parsed = parseLesson(lesson.text, lesson.file);
    } catch (err) {
      this.parsed = null;
      this.showError(describe(err));
      return;
    }
    this.buildControls();
    this.rerun(false, true);
  }

  private chooseArm(i: number): void {
    this.arm = i;
    this.values = {};
    this.buildControls();
    this.rerun(true, false);
  }

  private buildControls(): void {
    const parsed = this.parsed;
    if (parsed === null) return;
    renderLesson(byId('lesson-panel'), this.lesson, parsed.arms.map((a) => a.name), this.arm, (i) => this.chooseArm(i));
    try {
      const { scenario, data } = resolveLesson(parsed, armSets(parsed, this.arm));
      this.controls = controlSet(scenario, data);
    } catch (err) {
      this.controls = null;
      this.showError(describe(err));
      return;
    }
    this.renderControlValues();
  }

  private renderControlValues(): void {
    if (this.controls === null) return;
    const commit = (id: string, value: number | string) => {
      this.values = { ...this.values, [id]: value };
      this.rerun(true, false);
      this.renderControlValues();
    };
    renderControls(byId('controls-panel'), this.controls.controls, this.values, {
      commit,
      reset: () => {
        this.values = {};
        this.rerun(true, false);
        this.renderControlValues();
      },
    });
  }

  /**
   * Starts a new run with the current lesson, arm and controls. `keepPrevious`: fade the
   * current run under the new one, or 'same' to keep the faded run as it is (a replay).
   */
  private rerun(keepPrevious: boolean | 'same', newLesson: boolean): void {
    const parsed = this.parsed;
    if (parsed === null || this.controls === null) return;
    const sets = [...armSets(parsed, this.arm), ...this.controls.sets(this.values)];
    let scenario: Scenario;
    try {
      scenario = resolveLesson(parsed, sets).scenario;
    } catch (err) {
      this.showError(describe(err));
      return;
    }
    this.clearError();
    const previous = keepPrevious === 'same' ? this.previous : keepPrevious && this.session !== null ? this.charts.current() : null;
    this.previous = previous;
    if (newLesson) {
      this.speed = defaultSpeed(scenario.time.horizonH);
      this.transport.showSpeed(this.speed);
      this.colorBy = scenario.switch.model === 'fosl1' ? 'level' : 'state';
    }
    this.transport.showColorBy(this.colorBy, scenario.switch.model === 'fosl1');
    this.charts.start(scenario, previous);
    this.gen++;
    this.session = new Session(this.gen, scenario, { text: this.lesson.text, file: this.lesson.file, sets }, this.workers, this.charts, this.speed);
    this.session.clock.playing = this.playing;
    this.strip.draw(scenario);
    this.markedT = 0;
    renderLegend(byId('dish-legend'), scenario, this.colorBy, this.session.drugRgb);
  }

  private setPlaying(playing: boolean): void {
    const s = this.session;
    if (playing && s === null) return;
    if (playing && s?.finished) this.rerun('same', false);
    this.playing = playing;
    if (this.session !== null) this.session.clock.playing = playing;
    this.transport.showPlaying(playing);
  }

  private setSpeed(daysPerS: number): void {
    this.speed = daysPerS;
    if (this.session !== null) this.session.clock.speedH = daysPerS * 24;
  }

  private onWorker(m: FromWorker): void {
    const s = this.session;
    if (s === null || m.gen !== s.gen) return;
    if (m.kind === 'live-frame') s.onLiveFrame(m.frame, performance.now());
    else if (m.kind === 'batch-replicate') s.onBatchReplicate(m.result);
    else this.showError(`${m.role === 'live' ? 'The dish' : 'The batch'} stopped: ${m.message}`);
  }

  private animate(now: number): void {
    const dt = this.lastNow === 0 ? 0 : Math.min(100, now - this.lastNow);
    this.lastNow = now;
    const s = this.session;
    if (s === null) return;
    s.tick(dt, now);
    if (this.playing && !s.clock.playing) {
      this.playing = false;
      this.transport.showPlaying(false);
    }
    const t0 = performance.now();
    paintDish(s.dish, this.raster, s.effect(), s.drugRgb, this.colorBy, now);
    this.context().putImageData(this.image, 0, 0);
    this.renderMs = this.frames === 0 ? performance.now() - t0 : 0.95 * this.renderMs + 0.05 * (performance.now() - t0);
    this.frames++;
    const shown = s.dish.shown;
    if (s.adaptive && shown !== null && shown.t > this.markedT) {
      this.strip.mark(this.markedT, shown.t, shown.stress);
      this.charts.markExposure(this.markedT, shown.t, shown.stress, s.adaptiveRgb, s.adaptiveLane);
      this.markedT = shown.t;
    }
    this.strip.cursor(s.clock.t);
    if (now - this.lastCharts > CHART_MS) {
      this.lastCharts = now;
      this.charts.flush();
      this.status(s);
    }
  }

  private status(s: Session): void {
    const text = statusText(s);
    byId('dish-day').textContent = text.day;
    byId('dish-scale').textContent = text.scale;
    byId('dish-status').textContent = text.line;
  }

  private context(): CanvasRenderingContext2D {
    const ctx = this.dishCanvas.getContext('2d');
    if (ctx === null) throw new Error('no 2D canvas');
    return ctx;
  }

  private showError(message: string): void {
    this.errors.push(message);
    const box = byId('error');
    box.textContent = message;
    box.hidden = false;
  }

  private clearError(): void {
    const box = byId('error');
    box.hidden = true;
    box.textContent = '';
  }

  /** What the tests read. */
  state() {
    const s = this.session;
    return {
      lesson: this.lesson?.id,
      arm: this.arm,
      gen: this.gen,
      sets: s?.source.sets ?? [],
      t: s?.clock.t ?? 0,
      engineT: s?.engine?.t ?? 0,
      horizonH: s?.scenario.time.horizonH ?? 0,
      playing: this.playing,
      finished: s?.finished ?? false,
      dots: s === null ? 0 : s.dish.dots.living.reduce((a, b) => a + b, 0),
      drawnDots: s?.dish.dots.n ?? 0,
      dotsPerCell: s?.dish.scale ?? 0,
      batchDone: s?.stats.size ?? 0,
      batchTotal: s?.batchTotal ?? 0,
      charts: this.charts.counts(),
      exposureBands: this.charts.bands().length,
      renderMs: this.renderMs,
      frames: this.frames,
      errors: [...this.errors],
      engine: s?.engineName ?? null,
    };
  }
}

function describe(err: unknown): string {
  if (err instanceof ScenarioError) return err.format();
  return err instanceof Error ? err.message : String(err);
}
