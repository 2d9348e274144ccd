// The glossary shown under the explorer: the few words a student needs for the lessons.

export const GLOSSARY: readonly { readonly term: string; readonly meaning: string }[] = [
  {
    term: 'Persister',
    meaning: 'A cell that survives a drug that kills its sisters, without any mutation: it has switched into a slow, drug-tolerant state (here, switched on its FOSL1/AP-1 program). Its daughters inherit the state for a while, and it can switch back. Persisters are orange in the dish.',
  },
  {
    term: 'Drug holiday',
    meaning: 'A pause in treatment. Because persistence is reversible, persisters return to the sensitive state during a long enough holiday, and the tumour becomes drug-sensitive again (and regrows).',
  },
  {
    term: 'Re-challenge',
    meaning: 'Giving the same drug again after a holiday. If it kills steeply again, the tolerance was reversible (persistence); if it does not, the cells may be genetically resistant, or still persisters because the holiday was too short.',
  },
  {
    term: 'Induced versus pre-existing',
    meaning: 'Some persisters exist before treatment (a small fraction of any tumour switches at random); others are made by the drug itself, whose stress pushes sensitive cells into the persister state (induced entry). Blocking entry can only act on the induced ones.',
  },
  {
    term: 'Relapse',
    meaning: 'The tumour growing back, after its smallest size (the nadir), to its size at the start of treatment (or to the threshold a scenario sets). Relapse-free survival is the share of replicate tumours that have not relapsed yet, over time.',
  },
];
