// "One thing to try" for each shipped lesson, keyed by file name without .yaml, in terms of
// the explorer's controls (the lesson files speak of `--set`). A lesson may carry its own in
// a "Try:" paragraph of its header instead. `lookFor` replaces a header whose "What you
// should see" is written for the command line's output files.

export interface LessonTip {
  readonly tryThis: string;
  readonly lookFor?: string;
}

export const LESSON_TIPS: Readonly<Record<string, LessonTip>> = {
  '01-biphasic-kill': {
    tryThis: 'Move "Spontaneous entry" up tenfold (to 0.001/h): the plateau rises several-fold and the tumour relapses days earlier, because the plateau is made of the persisters that were there before the drug.',
  },
  '02-drug-holiday': {
    tryThis: 'Set "Drug holiday" to 0 days, so the re-challenge follows at once (as in lesson 02b): there is no second steep kill, because the survivors are still persisters.',
  },
  '02b-no-holiday': {
    tryThis: 'Set "Course length" to 10 days: the drug stops, the persisters return to sensitivity and the tumour regrows; lesson 02 then re-challenges it.',
  },
  '03-continuous-vs-pulsed': {
    tryThis: 'Set "Dose interval" to 14 days: in each long trough the sensitive cells regrow faster than the next bolus kills them, and the tumour escapes.',
  },
  '03b-continuous': {
    tryThis: 'Set "Drug holiday" to 7 days (one week on, one week off): the tumour regrows in every week off and relapses within two weeks.',
  },
  '15-entry-blockade-sweep': {
    tryThis: 'Move "Entry inhibitor" from 0.9 to 0: more cells are driven into persistence by the drug, the nadir rises, and the tumour relapses about five days earlier.',
    lookFor: 'A 14-day kill drug given with an entry blocker (potency 0.9). Almost all persisters here are made by the drug (induced entry), so blocking 90% of entry leaves far fewer of them: the nadir is low and the relapse comes late, about ln(1/(1 - eta))/r later than without the blocker. The persisters that existed before treatment cannot be blocked: blocking entry delays relapse, it does not prevent it. (persim sweep runs the same file over the blocker\'s potency.)',
  },
  '04-fosl1-switch': {
    tryThis: 'Lower "FOSL1 feedback" to 0.036/h: the high steady level falls below the on threshold, far fewer cells become persisters, the nadir drops to a few cells, and some tumours die out or do not relapse in time.',
  },
  '05-fosl1-inhibitor': {
    tryThis: 'Set "Inhibitor timing" to "after the chemo": the same inhibitor helps less, because the persisters were made during the chemotherapy.',
  },
  '06-persister-killer': {
    tryThis: 'Set "Persister killer" to 0: no tumour dies out, and nearly all relapse about three weeks after the course.',
  },
  '07-force-exit-rechallenge': {
    tryThis: 'Set "Potency of exit_push" to 0 (the holiday alone): most survivors are still persisters on day 20, and the re-challenge leaves their plateau standing.',
  },
  '08-fosl1-gain-of-function': {
    tryThis: 'Set "FOSL1 basal production" back to 0.025/h (lesson 04\'s value): far fewer persisters before treatment, and the tumour regrows later after the course.',
  },
  '09-pre-existing-vs-induced': {
    tryThis: 'Play the "spontaneous" arm: persisters (orange) switch on at random during growth and divide into clones, so the drug on day 7 leaves a few clusters. Then choose "induced": no persister until the drug, which turns on cells scattered all over the dish.',
  },
  '10-genetic-vs-reversible': {
    tryThis: 'Choose the arm "resistance": the resistant cells (reddish purple) grow through the first course and the holiday, and the re-challenge no longer brings the tumour down; in "reversible" it kills steeply again.',
  },
  '11-dose-dense-vs-q3w': {
    tryThis: 'Set "Drug holiday" to 13 days (a dose every 14 days, as in the q2w arm): the same four doses now shrink the tumour from cycle to cycle instead of letting it grow.',
  },
  '12-adaptive-therapy': {
    tryThis: 'Choose the arm "continuous": the drug never stops, the sensitive cells are wiped out and the resistant cells (reddish purple), freed from competition, take over; under "adaptive" the drug strip switches on and off and the spared sensitive cells hold them back for weeks longer.',
  },
  '13-clinical-scale': {
    tryThis: 'A tumour of 10^11 cells is too large to follow cell by cell here: run it with persim run, then again with more cycles (--set drugs.chemo.schedule.0.count=22) and see how many tumours die out: the cure is a lottery of the last cells.',
  },
  '14-trial-in-silico': {
    tryThis: 'Choose the arms one after the other: each new arm is drawn over the previous one, faded. "inhibitor after chemo" lies on the control; "persister killer" leaves many tumours that never relapse.',
    lookFor: 'Relapse-free survival: the control relapses around day 44, all replicates within a few days of each other. The inhibitor given with the chemo shifts the curve about six days to the right; given after the chemo it changes nothing, because the persisters were made during the chemo. The persister killer does best. In the dish, watch the persister fraction climb during the first week of chemo: the drug itself drives cells into persistence.',
  },
};

export const GENERIC_TIP = 'Move one control at a time: the run starts again, and the previous one stays faded on the charts for comparison.';
