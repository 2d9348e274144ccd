// Entry point of a sweep worker thread (bundled as dist/sweep-worker.js). Messages from the
// pool: {type: 'point', point, scenario} to compile a point, {type: 'task', id, point,
// replicate} to run one replicate, {type: 'forget', point} when the point is finished.
// Replies: {id, record} or {id, error}.
import { parentPort } from 'node:worker_threads';
import { PointCache } from './task.js';
import type { WorkerRequest, WorkerReply } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('sweep-worker.js runs only as a worker thread');
const cache = new PointCache();

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'point') cache.add(m.point, m.scenario);
  else if (m.type === 'forget') cache.forget(m.point);
  else {
    let reply: WorkerReply;
    try {
      reply = { id: m.id, record: cache.run(m) };
    } catch (err) {
      reply = { id: m.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  }
});
