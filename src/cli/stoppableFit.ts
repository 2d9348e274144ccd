// Fit work (a fit, a calibration check) that Ctrl-C or SIGTERM may stop: the sampler sees
// the signal, what has finished is kept by the caller's journal, and the CLI prints how to
// resume and exits 130 (143 for SIGTERM) through SweepInterrupted.
import { FitStoppedError } from '../fit/pool.js';
import { onSignals, resumeCommand } from './interrupt.js';
import { SweepInterrupted } from './sweep.js';

/** Runs `work` with a signal that Ctrl-C aborts; `keeping` says what survives; `finish` closes the progress display. */
export async function stoppableFit<T>(keeping: string, finish: () => void, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const received = { code: 130 };
  const release = onSignals(controller, received, keeping);
  try {
    const result = await work(controller.signal);
    finish();
    return result;
  } catch (err) {
    if (controller.signal.aborted || err instanceof FitStoppedError) {
      finish();
      process.stderr.write(`interrupted: resume with: ${resumeCommand()}\n`);
      throw new SweepInterrupted(received.code);
    }
    throw err;
  } finally {
    release();
  }
}
