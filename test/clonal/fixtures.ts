// Drugs for the clonal tests: an adaptive kill drug and its rule.
import type { AdaptiveRule, Drug } from '../../src/model/scenario.js';

/** A kill drug dosed adaptively at a concentration far above its ec50 (effect 1 - 1e-9). */
export function adaptiveKill(name: string, potency: number, rule: Omit<AdaptiveRule, 'dose'>): Drug {
  return { name, effect: 'kill', potency, ec50: 1, hill: 1, halfLifeH: null, doses: [], adaptive: { ...rule, dose: 1e9 } };
}
