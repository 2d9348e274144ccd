// Messages between the sweep pool and its worker threads.
import type { Scenario } from '../model/scenario.js';
import type { RunRecord } from './runRecord.js';

export type WorkerRequest =
  | { readonly type: 'point'; readonly point: number; readonly scenario: Scenario }
  | { readonly type: 'task'; readonly id: number; readonly point: number; readonly replicate: number }
  | { readonly type: 'forget'; readonly point: number };

export type WorkerReply = { readonly id: number; readonly record: RunRecord } | { readonly id: number; readonly error: string };
