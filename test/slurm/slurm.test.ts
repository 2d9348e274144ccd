// A real Slurm (Debian's slurm-wlm and munge): a private single-node cluster started in a
// temp folder (cluster.sh), on which the README's recipe runs. A job array of 4 shards of a
// sweep and an `--dependency=afterok` merge give the unsharded sweep's bytes; a sweep job
// cancelled with scancel (SIGTERM: it keeps its finished points) and resubmitted with
// --resume gives them too. Runs where the Slurm daemons are installed and we are root
// (.ci/slurm-setup installs them in CI); elsewhere it is skipped and says why.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persim, ROOT, tempDir } from '../helpers/cli.js';
import { SMALL, snapshot } from '../sweep/fixtures.js';

const CLUSTER = join(ROOT, 'test/slurm/cluster.sh');
const TOOLS = ['sbatch', 'scancel', 'scontrol', 'sinfo', 'slurmctld', 'slurmd', 'munged', 'runuser'];

function missingReason(): string | null {
  const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length > 0) return `not found: ${missing.join(', ')} (install Debian's slurm-wlm and munge, as .ci/slurm-setup does)`;
  if (process.getuid?.() !== 0) return 'not root: the private slurmd must run as root';
  return null;
}

const reason = missingReason();
if (reason !== null) console.warn(`Slurm test skipped: ${reason}`);

const PERSIM = `node ${join(ROOT, 'bin/persim.js')}`;
const SHARDS = 4;
const pointFiles = (folder: string) => readdirSync(folder).filter((f) => /^point-\d+\.json$/.test(f));
const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY', 'BOOT_FAIL', 'DEADLINE', 'PREEMPTED']);

describe.skipIf(reason !== null)('a sweep on a real single-node Slurm', () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  const slurm = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, env, encoding: 'utf8' }).trim();
  /** The states of a job's tasks, once every one has ended (polled every 0.2 s). */
  const waitFor = async (job: string, timeoutMs = 30_000): Promise<string[]> => {
    const t0 = Date.now();
    for (;;) {
      const states = [...slurm('scontrol', ['show', 'job', '-o', job]).matchAll(/JobState=(\S+)/g)].map((m) => m[1]);
      if (states.length > 0 && states.every((s) => FINAL.has(s))) return states;
      if (Date.now() - t0 > timeoutMs) throw new Error(`job ${job} still ${states.join(',')} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(() => {
    dir = tempDir('persim-slurm-');
    chmodSync(dir, 0o755); // munged runs as the munge user, inside this folder
    mkdirSync(join(dir, 'cluster'));
    execFileSync('bash', [CLUSTER, 'start', join(dir, 'cluster')], { stdio: ['ignore', 'inherit', 'inherit'] });
    env = { ...process.env, SLURM_CONF: join(dir, 'cluster/slurm.conf') };
    writeFileSync(join(dir, 's.yaml'), SMALL);
  });

  afterAll(() => {
    if (dir !== '') spawnSync('bash', [CLUSTER, 'stop', join(dir, 'cluster')], { stdio: 'inherit' });
  });

  it("the README's recipe makes the --output folder that Slurm does not", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const recipe = readme.slice(readme.indexOf('A Slurm job array'), readme.indexOf('The same with GNU parallel'));
    const folder = recipe.match(/#SBATCH --output=(\S+)\/[^/\s]+/)?.[1];
    expect(folder).toBeDefined();
    expect(recipe.indexOf(`mkdir -p ${folder}`)).toBeGreaterThan(-1);
    expect(recipe.indexOf(`mkdir -p ${folder}`)).toBeLessThan(recipe.indexOf('sbatch'));
    expect(recipe).toMatch(/--dependency=afterok:\$/);
  });

  it('a job array of 4 shards and an afterok merge give the unsharded bytes', async () => {
    const vary = '--vary switch.exit_rate=0.005/h..0.02/h:log:10 --replicates 3';
    // As in the README: the log folder first, then the array, then the merge after it.
    mkdirSync(join(dir, 'out/s/logs'), { recursive: true });
    writeFileSync(
      join(dir, 'shard.sh'),
      `#!/bin/bash\n#SBATCH --array=0-${SHARDS - 1}\n#SBATCH --cpus-per-task=1\n#SBATCH --output=out/s/logs/shard-%a.out\n` +
        `${PERSIM} sweep s.yaml ${vary} --shard $SLURM_ARRAY_TASK_ID/${SHARDS} --out out/s/shard-$SLURM_ARRAY_TASK_ID --quiet\n`,
    );
    const array = slurm('sbatch', ['--parsable', 'shard.sh']);
    const merge = slurm('sbatch', ['--parsable', `--dependency=afterok:${array}`, '--output=out/s/logs/merge.out', '--wrap', `${PERSIM} merge out/s/shard-* --out out/s/all`]);
    const direct = persim(['sweep', 's.yaml', ...vary.split(' '), '--out', 'direct', '--quiet'], { cwd: dir });
    expect(direct.status).toBe(0);
    expect(await waitFor(array)).toEqual(Array(SHARDS).fill('COMPLETED'));
    expect(await waitFor(merge)).toEqual(['COMPLETED']);
    expect(readFileSync(join(dir, 'out/s/logs/merge.out'), 'utf8')).toMatch(/merged 4 directories, 10 points x 3 replicates/);
    for (let i = 0; i < SHARDS; i++) expect(pointFiles(join(dir, `out/s/shard-${i}/points`))).toHaveLength(i < 2 ? 3 : 2);
    const merged = snapshot(join(dir, 'out/s/all'));
    expect([...merged.keys()].filter((k) => !k.startsWith('points/')).sort()).toEqual(['runs.csv', 'sweep.csv', 'sweep.json', 'sweep.png']);
    expect(merged).toEqual(snapshot(join(dir, 'direct')));
  });

  it('scancel stops a sweep job keeping its finished points; --resume gives the same bytes', async () => {
    // Points of about 0.2 s each (300 replicates took 30 ms, and a sweep could finish before scancel landed).
    const args = 's.yaml --vary switch.exit_rate=0.005/h..0.02/h:log:8 --replicates 2000 --out out/c --workers 1';
    mkdirSync(join(dir, 'out/logs'), { recursive: true });
    const job = slurm('sbatch', ['--parsable', '--output=out/logs/cancelled.out', '--wrap', `${PERSIM} sweep ${args}`]);
    const points = () => {
      try {
        return pointFiles(join(dir, 'out/c/points')).length;
      } catch {
        return 0;
      }
    };
    const t0 = Date.now();
    while (points() < 1 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
    slurm('scancel', [job]);
    expect(await waitFor(job)).toEqual(['CANCELLED']);
    const kept = points();
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(8);
    expect(readFileSync(join(dir, 'out/logs/cancelled.out'), 'utf8')).toMatch(/--resume/);

    const resumed = slurm('sbatch', ['--parsable', '--output=out/logs/resumed.out', '--wrap', `${PERSIM} sweep ${args} --resume --quiet`]);
    const direct = persim(['sweep', ...args.replace('out/c', 'direct-c').split(' '), '--quiet'], { cwd: dir });
    expect(direct.status).toBe(0);
    expect(await waitFor(resumed)).toEqual(['COMPLETED']);
    expect(snapshot(join(dir, 'out/c'))).toEqual(snapshot(join(dir, 'direct-c')));
  });
});
