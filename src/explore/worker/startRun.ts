// A replicate of the agent engine built exactly as `persim run` builds it (engine/simulate.ts,
// runReplicate): the same streams, so the dish shows replicate r of the command line.
import { AgentRun } from '../../engine/agent.js';
import type { Scenario } from '../../model/scenario.js';
import type { Timeline } from '../../model/timeline.js';
import { xoshiroStream } from '../../rng/xoshiro128.js';

export function startRun(s: Scenario, tl: Timeline, replicate: number, maxCells: number): AgentRun {
  const fosl1 = s.switch.model === 'fosl1';
  return new AgentRun(s, tl, replicate, xoshiroStream(s.seed, replicate, 'agent'), maxCells, fosl1 ? { levelRng: xoshiroStream(s.seed, replicate, 'fosl1') } : {});
}
