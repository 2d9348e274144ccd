import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainScenario } from '../../src/analysis/explain.js';
import { agentProbe } from '../../src/engine/simulate.js';
import { apply2, expm2, stationaryPersisterFraction, twoTypeMatrix } from '../../src/analysis/twoType.js';
import type { Drug, Scenario } from '../../src/model/scenario.js';
import { compileTimeline } from '../../src/model/timeline.js';
import { makeScenario, squarePulseKill, type ScenarioSpec } from '../helpers/makeScenario.js';

const DAY = 24;
const explain = (s: Scenario) => explainScenario(s, compileTimeline(s), agentProbe);
/** The 4-significant-digit form explain prints for numbers in [0.001, 1e5). */
const sig4 = (x: number) => String(Number(x.toPrecision(4)));
const lambdaIn = (text: string) => Number(/Lambda = (\S+) per day/.exec(text)![1]);

// SCIENCE.md D13: off drug lS = 0.3, lP = 0; on drug lS = -1, lP = -0.05 (D1); a = 0.001, b = 0.01 per day.
const ON = twoTypeMatrix(-1, -0.05, 0.001, 0.01);
const OFF = twoTypeMatrix(0.3, 0, 0.001, 0.01);
function d13(onDays: number, offDays: number, cycles: number, extra: Partial<ScenarioSpec> = {}): Scenario {
  const period = onDays + offDays;
  return makeScenario({
    horizonH: period * cycles * DAY,
    recordEveryH: DAY,
    initial: 1e6,
    persisterFraction: 0.003,
    capacity: 1e9,
    bS: 0.5 / DAY,
    dS: 0.2 / DAY,
    drugSensitivity: 0.05 / 1.3,
    entry: 0.001 / DAY,
    exit: 0.01 / DAY,
    drugs: [squarePulseKill('chemo', 1.3 / DAY, Array.from({ length: cycles }, (_, k) => ({ start: k * period * DAY, duration: onDays * DAY })))],
    ...extra,
  });
}

describe('explainScenario on the SCIENCE.md D1/D13 scenario (7 days on, 7 off)', () => {
  const text = explain(d13(7, 7, 8));

  it('gives the on-drug eigenvalues of D1 per day: -1.001 and -0.05999', () => {
    expect(text).toContain('Eigenvalues: -1.001 and -0.05999 per day.');
    expect(text).toContain('falls at 1.001 per day');
    expect(text).toContain('shrinks at 0.05999 per day');
  });

  it('gives the off-drug matrix, its eigenvalues and the stationary persister share', () => {
    expect(text).toMatch(/A = S \|\s+0\.299\s+0\.01 \|\s+per day/);
    expect(text).toContain('Eigenvalues: -0.01003 and 0.299 per day.');
    expect(text).toContain(`settles at ${sig4(100 * stationaryPersisterFraction(OFF))}% of the tumour`);
  });

  it('gives the expected burden at the end of each phase (product of exponentials)', () => {
    let m: [number, number] = [997_000, 3_000];
    for (let phase = 0; phase < 16; phase++) {
      m = apply2(expm2(phase % 2 === 0 ? ON : OFF, 7), m[0], m[1]);
      expect(text).toMatch(new RegExp(`${7 * phase} to ${7 * phase + 7}\\s+chemo (on at 1e9|off)\\s+${sig4(m[0])}\\s+${sig4(m[1])}\\s+${sig4(m[0] + m[1])}\\n`));
    }
  });

  it('gives the Floquet exponent of D13 (-0.0349 per day) and says the schedule controls the tumour', () => {
    expect(lambdaIn(text)).toBeCloseTo(-0.0349, 4);
    expect(text).toContain('controls the tumour on average (Lambda < 0)');
    expect(text).toContain(`multiplies the tumour by ${sig4(Math.exp(lambdaIn(text) * 14))}`);
  });

  it('gives extinction, relapse threshold and the capacity caveat', () => {
    expect(text).toContain('Off drug the process is supercritical');
    expect(text).toContain('dies out with probability 0.4, of one persister with 0.4;');
    expect(text).toContain('Held at peak effect, every lineage dies out');
    expect(text).toContain('1 x the initial burden: 1e6 cells');
    expect(text).toContain('ignores the carrying capacity (1e9 cells)');
  });
});

describe('explainScenario: Floquet exponents of SCIENCE.md D13', () => {
  it.each([
    [14, 7, -0.0433],
    [7, 7, -0.0349],
    [7, 14, -0.026],
  ])('%d days on, %d off: Lambda = %f per day', (on, off, lambda) => {
    expect(lambdaIn(explain(d13(on, off, 6)))).toBeCloseTo(lambda, 4);
  });

  it('says when a schedule does not control the tumour', () => {
    const text = explain(d13(2, 12, 6));
    expect(lambdaIn(text)).toBeGreaterThan(0);
    expect(text).toContain('does not control the tumour on average');
  });
});

describe('explainScenario: other scenarios', () => {
  it('explains an untreated tumour without drug sections', () => {
    const text = explain(makeScenario({ horizonH: 10 * DAY, recordEveryH: DAY, initial: 100, bS: 0.02, dS: 0.01 }));
    expect(text).toContain('No drug: an untreated tumour.');
    expect(text).not.toContain('At peak drug effect');
    expect(text).not.toContain('Lambda');
    expect(text).toContain('No carrying capacity');
    expect(text).toContain('doubling time 34.66 h');
  });

  it('says a subcritical untreated tumour dies out with probability 1', () => {
    const text = explain(makeScenario({ horizonH: 10 * DAY, initial: 100, bS: 0.01, dS: 0.02, entry: 0.001, exit: 0.01 }));
    expect(text).toContain('Off drug the process is subcritical');
    expect(text).toContain('goes extinct with probability 1');
  });

  it('warns that cure is not certain when persisters grow under drug (SCIENCE.md D5)', () => {
    const text = explain(
      makeScenario({
        horizonH: 30 * DAY,
        recordEveryH: DAY,
        initial: 1e4,
        bS: 0.5 / DAY,
        bP: 0.05 / DAY,
        drugSensitivity: 0.01 / 1.5,
        entry: 0.001 / DAY,
        exit: 0.01 / DAY,
        drugs: [squarePulseKill('chemo', 1.5 / DAY, [{ start: 0, duration: 30 * DAY }])],
      }),
    );
    expect(text).toContain('cannot guarantee cure');
    expect(text).toContain("a sensitive cell's lineage dies out with probability 0.9994, a persister's with 0.3998");
    expect(text).toMatch(/turns and grows at 0\.030\d* per day/); // D5: dominant eigenvalue +0.0300
  });

  it('describes bolus schedules in words and takes the on-drug matrix at the time of peak stress', () => {
    const bolus = (name: string, effect: Drug['effect'], potency: number, start: number): Drug => ({
      name,
      effect,
      potency,
      ec50: 1,
      hill: 1,
      halfLifeH: 20,
      doses: [0, 1, 2, 3, 4].map((k) => ({ timeH: (start + 7 * k) * DAY, amount: 2, durationH: null })),
    });
    const s = makeScenario({
      horizonH: 42 * DAY,
      recordEveryH: DAY,
      initial: 1e5,
      persisterFraction: 0.003,
      bS: Math.LN2 / 40,
      dS: 0.002,
      bP: 0.001,
      dP: 0.0005,
      drugSensitivity: 0.01,
      entry: 1e-4,
      induced: 0.02,
      exit: 0.01,
      exitOnDrug: 0.001,
      drugs: [bolus('paclitaxel', 'kill', 0.08, 0), bolus('blocker', 'block-entry', 0.9, 3)],
      relapse: { kind: 'cells', value: 1e6 },
    });
    const text = explain(s);
    expect(text).toContain('Schedule: 5 x dose of 2, every 7 days from day 0 to day 28.');
    expect(text).toContain('Schedule: 5 x dose of 2, every 7 days from day 3 to day 31.');
    expect(text).toContain('blocks up to 90% of entry into persistence');
    expect(text).toContain('each dose decays with a half-life of 20 h');
    expect(text).toContain('doubling time 40 h');
    // Accumulation makes the last paclitaxel dose the peak; the blocker has decayed by then.
    expect(text).toMatch(/At peak drug effect \(day 28: paclitaxel effect 0\.667\d*, blocker effect 0\.0\d+\)/);
    expect(text).toContain('regrows to 1e6 cells');
    expect(text.match(/Lambda = /g)).toHaveLength(2);
    expect(text.endsWith('\n')).toBe(false);
  });
});

describe('src/analysis runs in a browser', () => {
  const dir = join(import.meta.dirname, '../../src/analysis');
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);

  it('imports nothing from node: and no package (its matrix code is its own)', () => {
    for (const [file, text] of sources) {
      expect(text, file).not.toMatch(/from ['"]node:/);
      for (const m of text.matchAll(/from ['"]([^'"]+)['"]/g)) expect(m[1], file).toMatch(/^\.\.?\//);
    }
  });
});

describe('explainScenario: a drug of potency 0', () => {
  it('says it has no effect, under either switch, instead of "up to 0%"', () => {
    for (const effect of ['kill', 'block-entry', 'kill-persisters', 'promote-exit'] as const) {
      const placebo = squarePulseKill('placebo', 0, [{ start: 0, duration: DAY }], effect);
      for (const fosl1 of [undefined, {}]) {
        const text = explain(makeScenario({ horizonH: 5 * DAY, recordEveryH: DAY, initial: 100, bS: 0.02, fosl1, drugs: [placebo] }));
        expect(text, `${effect}, ${fosl1 ? 'fosl1' : 'two-state'}`).toContain(`Drug placebo (${effect}): has no effect (potency 0)`);
        expect(text).not.toMatch(/up to 0(%| per day)/);
      }
    }
  });
});
