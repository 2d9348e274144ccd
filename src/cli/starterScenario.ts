// The starter scenario that `persim init` writes: every section a first model needs, each
// field commented with its meaning, units and default, small enough to run in seconds
// (10 replicates of 10^4 cells, weekly bolus chemotherapy then a holiday).

/** `schemaPath`: the JSON Schema relative to the new file, for editor completion, or null. */
export function starterScenario(name: string, schemaPath: string | null): string {
  const schema = schemaPath === null
    ? '# For completion in an editor, point the next line at persim\'s schema/persim.schema.json:\n# # yaml-language-server: $schema=path/to/persim.schema.json\n'
    : `# yaml-language-server: $schema=${schemaPath}\n`;
  return `${schema}#
# A starter scenario written by \`persim init\`. Check it with \`persim validate FILE\`, ask what
# theory expects with \`persim explain FILE\`, simulate it with \`persim run FILE\`.
# Times are hours unless a unit is given (36h, 3d, 2w); rates are per cell per hour unless
# given as 0.5/d, 0.02/h or 1/w; counts may be written 1e5. Unknown keys are errors.
# The whole format, with every optional field, is in the README: "The scenario format".
name: ${JSON.stringify(name)}
description: Weekly bolus chemotherapy for six weeks, then a holiday; when does the tumour relapse?
seed: 1                      # same seed -> the same results, byte for byte
replicates: 10               # independent tumours simulated (more: tighter estimates)
engine: auto                 # agent (every cell) | population (counts, for large tumours) | auto
time:
  horizon: 70d               # how long each tumour is followed
  record_every: 1d           # rows of timeseries.csv
population:
  initial: 1e4               # cells at day 0
  persister_fraction: 0.003  # fraction that starts as persisters
  # capacity: 1e8            # optional carrying capacity: division slows as N nears it
phenotypes:
  sensitive:                 # the drug-sensitive, dividing state
    doubling_time: 40h       # or division_rate: 0.0173/h
    death_rate: 0.002/h
  persister:                 # the drug-tolerant, slow state
    division_rate: 0.001/h
    death_rate: 0.0005/h
    drug_sensitivity: 0.01   # persisters are killed at 1% of the sensitive cells' rate
switch:                      # reversible switching between the two states, no mutation
  model: two-state
  entry_rate: 1e-4/h         # sensitive -> persister, spontaneous
  induced_entry_rate: 0.002/h # added entry at full drug stress
  exit_rate: 0.01/h          # persister -> sensitive, off drug
  exit_rate_on_drug: 0.001/h # and at full drug stress
drugs:
  - name: chemo
    effect: kill             # kill | block-entry | kill-persisters | promote-exit
    potency: 0.08/h          # the largest kill rate, at saturating concentration
    ec50: 1                  # concentration of half effect
    half_life: 24h           # each dose decays exponentially (omit it for square pulses,
                             # which then need duration: in each schedule block)
    schedule:
      - start: 0d            # a periodic block: six weekly doses
        every: 7d
        count: 6
        dose: 4
relapse:
  relative: 1.0              # relapse: the burden regrows to 1 x the initial after its low point
  # cells: 1e6               # or an absolute detection size instead (exactly one of the two)
`;
}
