// The display clock: the simulated time the dish shows. Playing, it runs at `speed`
// simulated hours per second of wall-clock time, never ahead of what the engine has
// computed; a step jumps it forward by a fixed span. It also says how far the engine should
// have run by now (a little ahead, so the dish never waits).

/** Playback speeds offered, in simulated days per second. */
export const SPEEDS_DAYS_PER_S = [0.1, 0.25, 0.5, 1, 2, 4, 8] as const;
/** A run plays in about this many seconds at the default speed. */
const DEFAULT_PLAY_S = 40;
const LOOKAHEAD_S = 0.5;

export function defaultSpeed(horizonH: number): number {
  const wanted = horizonH / 24 / DEFAULT_PLAY_S;
  let best: number = SPEEDS_DAYS_PER_S[0];
  for (const s of SPEEDS_DAYS_PER_S) if (Math.abs(Math.log(s / wanted)) < Math.abs(Math.log(best / wanted))) best = s;
  return best;
}

export class DisplayClock {
  t = 0;
  playing = false;
  /** Simulated hours per wall-clock second. */
  speedH: number;
  private stepTarget: number | null = null;

  constructor(readonly horizonH: number, speedDaysPerS: number) {
    this.speedH = speedDaysPerS * 24;
  }

  /** Advances by dtMs of wall-clock time; `engineT` is how far the engine has run. */
  tick(dtMs: number, engineT: number): void {
    if (this.stepTarget !== null) {
      this.t = Math.max(this.t, Math.min(this.stepTarget, engineT));
      if (this.t >= this.stepTarget) this.stepTarget = null;
      return;
    }
    if (!this.playing) return;
    this.t = Math.max(this.t, Math.min(this.t + (this.speedH * dtMs) / 1000, engineT, this.horizonH));
  }

  /** Pauses and moves on by `spanH` as soon as the engine gets there. */
  step(spanH: number): void {
    this.playing = false;
    this.stepTarget = Math.min(this.horizonH, (this.stepTarget ?? this.t) + spanH);
  }

  get stepping(): boolean {
    return this.stepTarget !== null;
  }

  /** The time the engine should have reached. */
  wanted(): number {
    const ahead = Math.max(this.speedH * LOOKAHEAD_S, 1);
    return Math.min(this.horizonH, Math.max(this.stepTarget ?? 0, this.t + ahead));
  }
}
