// levels.csv (FOSL1 switch): the distribution of the level at the chosen times
// (switch.level_histogram_at, moved to record times; analysis/levelHistogram.ts), one row
// per time per bin, in time then level order:
//   time_h,level_lo,level_hi,sensitive,persister,replicates
// sensitive (persister): the mean over replicates of the share of the replicate's living
// cells that are sensitive (persister) with a level in [level_lo, level_hi); the last bin
// also holds the levels above it. replicates: how many replicates had living cells then
// (the others are left out of the mean; with none, the shares are 0).
import type { LevelHistograms } from '../analysis/levelHistogram.js';
import { csvText, type CsvValue } from './csv.js';

export const LEVELS_HEADER = 'time_h,level_lo,level_hi,sensitive,persister,replicates';

export function levelsCsv(h: LevelHistograms): string {
  const rows: CsvValue[][] = [LEVELS_HEADER.split(',')];
  const bins = h.edges.length - 1;
  h.timesH.forEach((t, i) => {
    for (let b = 0; b < bins; b++) rows.push([t, h.edges[b], h.edges[b + 1], h.sensitive[i][b], h.persister[i][b], h.replicates[i]]);
  });
  return csvText(rows);
}
