// The units of work of a fit, run by a fit worker (src/fit/workerMain.ts) or on the main
// thread: a likelihood estimate of one proposal, one posterior-predictive tumour of an arm,
// one subject of a posterior-predictive band. Each draws only from its own named streams.
import type { BandPoint, FitModel, FitModelInit } from './fitModel.js';
import type { PredictiveRun } from './types.js';

export type FitJob =
  | { readonly kind: 'loglik'; readonly theta: readonly number[]; readonly name: string }
  | { readonly kind: 'predict'; readonly theta: readonly number[]; readonly arm: string; readonly index: number }
  | { readonly kind: 'band'; readonly theta: readonly number[]; readonly arm: string; readonly index: number; readonly points: readonly BandPoint[]; readonly gridH: number };

export type FitJobResult = number | PredictiveRun | null | number[];

export function runJob(model: FitModel, job: FitJob): FitJobResult {
  switch (job.kind) {
    case 'loglik':
      return model.logLik(job.theta, job.name);
    case 'predict':
      return model.predictRun(job.theta, job.arm, job.index);
    case 'band':
      return model.bandValues(job.theta, job.arm, job.index, job.points, job.gridH);
  }
}

export type FitWorkerRequest =
  | { readonly type: 'init'; readonly model: FitModelInit }
  | { readonly type: 'job'; readonly id: number; readonly job: FitJob };

export type FitWorkerReply = { readonly id: number; readonly result: FitJobResult } | { readonly id: number; readonly error: string };
