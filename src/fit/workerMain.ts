// Entry point of a fit worker thread (bundled as dist/fit-worker.js): {type: 'init', model}
// builds the fit's model once; {type: 'job', id, job} runs one job and replies {id, result}
// or {id, error}.
import { parentPort } from 'node:worker_threads';
import { FitModel } from './fitModel.js';
import { runJob, type FitWorkerReply, type FitWorkerRequest } from './jobs.js';

const port = parentPort;
if (port === null) throw new Error('fit-worker.js runs only as a worker thread');
let model: FitModel | null = null;

port.on('message', (m: FitWorkerRequest) => {
  if (m.type === 'init') {
    model = new FitModel(m.model);
    return;
  }
  let reply: FitWorkerReply;
  try {
    if (model === null) throw new Error('internal: fit worker used before init');
    reply = { id: m.id, result: runJob(model, m.job) };
  } catch (err) {
    reply = { id: m.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
