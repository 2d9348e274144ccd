// Checks of the clonal sections that need other sections of the scenario, run once the whole
// file is otherwise valid, each reported at the field to change:
//   - mutation and a resistant_fraction need phenotypes.resistant; the initial fractions add
//     up to at most 1; a persister's mutation probability (rate x persister_factor) is <= 1;
//   - lineage sample times lie within the horizon, and need barcodes;
//   - an adaptive drug is a square pulse (no half_life) whose only block is the adaptive one,
//     at most one drug is adaptive, and its first check comes before the horizon.
import type { z } from 'zod';
import { persisterFractionOf, type RawPhenotypes, type RawSwitch } from './resolveSwitch.js';

interface Checked {
  readonly time: { readonly horizon: number };
  readonly population: { readonly persister_fraction: number | 'stationary'; readonly resistant_fraction: number };
  readonly phenotypes: RawPhenotypes & { readonly resistant?: unknown };
  readonly switch: RawSwitch;
  readonly mutation?: { readonly rate: number; readonly persister_factor: number };
  readonly lineage?: { readonly barcodes: boolean; readonly sample_at: readonly number[] };
  readonly drugs: readonly { readonly half_life?: number; readonly schedule: readonly object[] }[];
}

const num = (x: number) => String(Number(x.toPrecision(4)));

function adaptiveOf(block: object): { start: number } | undefined {
  return 'adaptive' in block ? (block.adaptive as { start: number }) : undefined;
}

export function checkClonalAcrossSections(v: Checked, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string, expected: string) => ctx.addIssue({ code: 'custom', path, message, params: { expected } });
  const resistant = v.phenotypes.resistant !== undefined;
  if (v.mutation !== undefined && !resistant) {
    issue(['mutation'], 'mutation needs a resistant phenotype to mutate into', 'phenotypes.resistant with its division and death rates (or no mutation)');
  }
  const rf = v.population.resistant_fraction;
  if (rf > 0 && !resistant) {
    issue(['population', 'resistant_fraction'], 'resistant cells need a resistant phenotype', 'phenotypes.resistant (or resistant_fraction 0)');
  } else if (rf + persisterFractionOf(v.population.persister_fraction, v.switch, v.phenotypes) > 1) {
    const pf = persisterFractionOf(v.population.persister_fraction, v.switch, v.phenotypes);
    ctx.addIssue({
      code: 'custom', path: ['population', 'resistant_fraction'],
      message: `persister_fraction ${num(pf)} + resistant_fraction ${num(rf)} is ${num(rf + pf)}, more than all the cells`,
      params: { expected: `a resistant_fraction <= 1 - persister_fraction = ${num(1 - pf)}`, found: num(rf) },
    });
  }
  const m = v.mutation;
  if (m !== undefined && m.rate * m.persister_factor > 1) {
    issue(['mutation', 'persister_factor'], `a persister would mutate with probability rate x persister_factor = ${num(m.rate * m.persister_factor)} > 1`, `a factor <= ${num(1 / m.rate)}`);
  }
  const lineage = v.lineage;
  if (lineage !== undefined) {
    lineage.sample_at.forEach((t, j) => {
      if (t > v.time.horizon) issue(['lineage', 'sample_at', j], 'after the horizon', `a time <= time.horizon (${num(v.time.horizon)} h)`);
    });
    if (!lineage.barcodes && lineage.sample_at.length > 0) issue(['lineage', 'sample_at'], 'sample times need barcodes', 'barcodes: true (or no sample_at)');
  }
  let firstAdaptive = -1;
  v.drugs.forEach((d, i) => {
    const j = d.schedule.findIndex((b) => adaptiveOf(b) !== undefined);
    if (j < 0) return;
    const where = ['drugs', i, 'schedule', j, 'adaptive'];
    if (firstAdaptive >= 0) issue(where, `only one drug may be dosed adaptively (drugs[${firstAdaptive}] is)`, 'a fixed schedule');
    else firstAdaptive = i;
    if (d.half_life !== undefined) issue(['drugs', i, 'half_life'], 'an adaptive drug is held at its dose while on (a square pulse), so it has no half_life', 'no half_life');
    if (d.schedule.length > 1) issue(['drugs', i, 'schedule'], 'an adaptive block must be the drug\'s only schedule block', 'one block {adaptive: {...}}');
    const start = adaptiveOf(d.schedule[j])?.start ?? 0;
    if (start >= v.time.horizon) issue([...where, 'start'], 'the first check is at or after the horizon', `a time before time.horizon (${num(v.time.horizon)} h)`);
  });
}
