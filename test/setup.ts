// Every property test runs from a fixed fast-check seed, so a run is reproducible; set
// PERSIM_FC_SEED to explore other seeds locally.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.PERSIM_FC_SEED ?? 20261129) });
