// The calibration tests' model: a drug-free well of 1e5 cells whose division rate is fitted
// from log-normal counts (sd 0.3); small enough that a refit takes a fraction of a second.
export function growingWell(particles: number): string {
  return `name: growing well
seed: 4
time: { horizon: 4d, record_every: 1d }
population: { initial: 1e5, persister_fraction: 0 }
phenotypes:
  sensitive: { division_rate: 0.6/d, death_rate: 0.1/d }
  persister: { division_rate: 0, death_rate: 0 }
switch: { entry_rate: 0, exit_rate: 0.01/h }
fit:
  data: well.csv
  parameters:
    phenotypes.sensitive.division_rate: { prior: log-uniform, min: 0.2/d, max: 2/d }
  observables:
    cells: { quantity: total, noise: log-normal, sd: 0.3 }
  particles: ${particles}
`;
}
