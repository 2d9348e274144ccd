// explain: `persim explain` as data. The text the CLI prints, split into its sections, and
// the two-state theory's numbers behind it: the mean matrix off drug and at peak drug
// effect, its eigenvalues (the kill curve's slopes) and the stationary persister fraction.
// Under the FOSL1 switch the two-state theory does not apply and those numbers are null.
import { eigenvalues2x2 } from '../analysis/eigen.js';
import { explainScenario, peakStress } from '../analysis/explain.js';
import { meanMatrix, stationaryPersisterFraction, type Mat2 } from '../analysis/twoType.js';
import { agentProbe } from '../engine/simulate.js';
import { emptyRates, ratesAt } from '../model/rates.js';
import { compileTimeline } from '../model/timeline.js';
import type { LoadedScenario } from './load.js';

const DAY = 24;

export interface ExplainSection {
  /** The section's heading, e.g. 'Off drug'; the first section's is the scenario's `persim explain: <name>` line. */
  readonly title: string;
  readonly lines: readonly string[];
}

export interface MeanTheory {
  /** A of dm/dt = A m for m = (sensitive, persister), per day, rows. */
  readonly matrixPerDay: readonly [readonly [number, number], readonly [number, number]];
  /** Its eigenvalues per day, ascending: the larger is the long-run growth rate. */
  readonly eigenvaluesPerDay: readonly [number, number];
  /** The persister share the mix settles at (NaN without switching or a growth difference). */
  readonly stationaryPersisterFraction: number;
}

export interface Explanation {
  /** Exactly what `persim explain` prints (without the final newline). */
  readonly text: string;
  readonly sections: readonly ExplainSection[];
  /** Two-state switch: the theory off drug; null under the FOSL1 switch. */
  readonly offDrug: MeanTheory | null;
  /** Two-state switch with a drug that acts: the theory at peak drug effect, and when. */
  readonly peakDrug: (MeanTheory & { readonly timeH: number }) | null;
}

function theory(A: Mat2): MeanTheory {
  const d = A.map((x) => x * DAY);
  return {
    matrixPerDay: [[d[0], d[1]], [d[2], d[3]]],
    eigenvaluesPerDay: eigenvalues2x2(d[0], d[1], d[2], d[3]),
    stationaryPersisterFraction: stationaryPersisterFraction(A),
  };
}

/** The header (name and description, which may hold blank lines), then one section per blank-line-separated block. */
function sectionsOf(text: string, header: readonly string[]): ExplainSection[] {
  const head = header.join('\n');
  const rest = text.slice(head.length).replace(/^\n\n/, '');
  const blocks = rest === '' ? [] : rest.split('\n\n').map((block) => {
    const [title, ...lines] = block.split('\n');
    return { title, lines };
  });
  return [{ title: header[0], lines: header.slice(1) }, ...blocks];
}

export function explain(loaded: LoadedScenario): Explanation {
  const s = loaded.scenario;
  const text = explainScenario(s, compileTimeline(s), agentProbe);
  const header = [`persim explain: ${s.name}`, ...(s.description.trim() === '' ? [] : [s.description.trim()])];
  const sections = sectionsOf(text, header);
  if (s.switch.model === 'fosl1') return { text, sections, offDrug: null, peakDrug: null };
  const off = theory(meanMatrix(ratesAt(s, new Float64Array(s.drugs.length), emptyRates())));
  const peak = peakStress(s);
  const peakDrug = peak === null ? null : { timeH: peak.timeH, ...theory(meanMatrix(ratesAt(s, peak.effects, emptyRates()))) };
  return { text, sections, offDrug: off, peakDrug };
}
