// The explorer's controls write `--set` overrides that the scenario loader accepts, at every
// end of every slider and for every choice, in every lesson; untouched controls write
// nothing; and the rewrites do what their labels say.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatValue, sliderPosition, sliderValue, type SliderControl } from '../../src/explore/controls/control.js';
import { controlSet } from '../../src/explore/controls/controlSet.js';
import { armSets, parseLesson, resolveLesson, type LessonScenario } from '../../src/explore/lessons/lessonScenario.js';

const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort();

function lesson(file: string): LessonScenario {
  return parseLesson(readFileSync(join(SCENARIOS, file), 'utf8'), file);
}

function controlsOf(l: LessonScenario, arm = 0) {
  const { scenario, data } = resolveLesson(l, armSets(l, arm));
  return { scenario, set: controlSet(scenario, data) };
}

describe('sliders', () => {
  const log: SliderControl = { kind: 'slider', id: 'x', group: '', label: '', help: '', unit: '/h', scale: 'log', min: 1e-4, max: 1e-2, steps: 40, zeroAllowed: true, initial: 1e-3 };
  const lin: SliderControl = { ...log, scale: 'linear', min: 0, max: 28, steps: 28, zeroAllowed: false };

  it('map positions to nice values and back', () => {
    expect(sliderValue(log, 0)).toBe(0);
    expect(sliderValue(log, 1)).toBe(1e-4);
    expect(sliderValue(log, 40)).toBe(1e-2);
    expect(sliderValue(lin, 7)).toBe(7);
    for (let p = 0; p <= 40; p++) expect(sliderPosition(log, sliderValue(log, p))).toBe(p);
    for (let p = 0; p <= 28; p++) expect(sliderPosition(lin, sliderValue(lin, p))).toBe(p);
  });

  it('show values readably', () => {
    expect(formatValue(0.08)).toBe('0.08');
    expect(formatValue(1.234e-4)).toBe('1.2e-4');
    expect(formatValue(21)).toBe('21');
  });
});

describe.each(files)('controls of %s', (file) => {
  const l = lesson(file);
  const arms = Math.max(1, l.arms.length);

  it('write nothing until moved', () => {
    for (let a = 0; a < arms; a++) expect(controlsOf(l, a).set.sets({})).toEqual([]);
  });

  it('write overrides the loader accepts at both ends of every slider and for every choice', () => {
    for (let a = 0; a < arms; a++) {
      const { set } = controlsOf(l, a);
      for (const c of set.controls) {
        const values = c.kind === 'slider' ? [sliderValue(c, 0), sliderValue(c, c.steps)] : c.options.map((o) => o.value);
        for (const v of values) {
          const sets = [...armSets(l, a), ...set.sets({ [c.id]: v })];
          expect(() => resolveLesson(l, sets), `${c.id} = ${v}: ${sets.join(' ')}`).not.toThrow();
        }
      }
      const all = Object.fromEntries(set.controls.map((c) => [c.id, c.kind === 'slider' ? sliderValue(c, Math.round(c.steps / 3)) : c.options[c.options.length - 1].value]));
      expect(() => resolveLesson(l, [...armSets(l, a), ...set.sets(all)])).not.toThrow();
    }
  });
});

describe('what the controls do', () => {
  it('a drug holiday moves the re-challenge (lesson 02)', () => {
    const l = lesson('02-drug-holiday.yaml');
    const { set } = controlsOf(l);
    const s = resolveLesson(l, set.sets({ 'chemo.holiday': 3 })).scenario;
    expect(s.drugs[0].doses.map((d) => [d.timeH / 24, (d.durationH ?? 0) / 24])).toEqual([[0, 10], [13, 14]]);
  });

  it('a dose interval keeps the first dose and the number of doses (lesson 03)', () => {
    const l = lesson('03-continuous-vs-pulsed.yaml');
    const s = resolveLesson(l, controlsOf(l).set.sets({ 'chemo.interval': 14 })).scenario;
    expect(s.drugs[0].doses.map((d) => d.timeH / 24)).toEqual([0, 14, 28, 42, 56, 70]);
  });

  it('an entry inhibitor and a persister killer are added with the chemotherapy when the lesson has none (lesson 01)', () => {
    const l = lesson('01-biphasic-kill.yaml');
    const { set } = controlsOf(l);
    const s = resolveLesson(l, set.sets({ 'inhibitor.potency': 0.5, 'killer.potency': 0.01 })).scenario;
    const inhibitor = s.drugs.find((d) => d.effect === 'block-entry');
    const killer = s.drugs.find((d) => d.effect === 'kill-persisters');
    expect(inhibitor?.potency).toBe(0.5);
    expect(killer?.potency).toBeCloseTo(0.01, 12);
    for (const d of [inhibitor, killer]) expect(d?.doses.map((x) => [x.timeH, x.durationH])).toEqual([[0, 28 * 24]]);
    const after = resolveLesson(l, set.sets({ 'inhibitor.potency': 0.5, 'inhibitor.timing': 'after' })).scenario;
    expect(after.drugs.find((d) => d.effect === 'block-entry')?.doses.map((x) => [x.timeH / 24, (x.durationH ?? 0) / 24])).toEqual([[28, 28]]);
  });

  it('the inhibitor given after the chemotherapy starts when it ends (lessons 05 and 14)', () => {
    const l5 = lesson('05-fosl1-inhibitor.yaml');
    const s5 = resolveLesson(l5, controlsOf(l5).set.sets({ 'inhibitor.timing': 'after' })).scenario;
    expect(s5.drugs[1].doses[0].timeH).toBe(16 * 24);
    const l14 = lesson('14-trial-in-silico.yaml');
    const { set } = controlsOf(l14, 2);
    expect(set.controls.find((c) => c.id === 'inhibitor.timing')?.initial).toBe('after');
    const s14 = resolveLesson(l14, [...armSets(l14, 2), ...set.sets({ 'inhibitor.timing': 'with' })]).scenario;
    expect(s14.drugs[1].doses[0].timeH).toBe(0);
    expect(s14.drugs[1].doses).toHaveLength(28);
  });

  it('the FOSL1 lessons offer basal production and feedback instead of rates', () => {
    const { set } = controlsOf(lesson('04-fosl1-switch.yaml'));
    const ids = set.controls.map((c) => c.id);
    expect(ids).toContain('fosl1.basal');
    expect(ids).toContain('fosl1.feedback');
    expect(ids).not.toContain('switch.entry');
    expect(set.sets({ 'fosl1.feedback': 0.036 })).toEqual(['switch.feedback=0.036/h']);
  });
});
