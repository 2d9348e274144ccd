// `npx tsx scripts/bench-samplers.ts`: draws per second of the discrete samplers in each regime
// (binomial inversion / BTRS, Poisson multiplication / PTRS, multinomial). Prints; asserts nothing.
import { binomial } from '../src/rng/binomial.js';
import { multinomialInto } from '../src/rng/multinomial.js';
import { poisson } from '../src/rng/poisson.js';
import { streamFor } from '../src/rng/stream.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 0.3);
const rng = streamFor(1, 0, 'bench-samplers');

function rate(label: string, draw: () => number): void {
  let sink = 0;
  for (let i = 0; i < 10_000; i++) sink += draw(); // warm-up
  let draws = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let i = 0; i < 10_000; i++) sink += draw();
    draws += 10_000;
    elapsed = performance.now() - t0;
  }
  const perSecond = draws / (elapsed / 1000);
  console.log(`${label.padEnd(44)} ${(perSecond / 1e6).toFixed(2).padStart(7)} M draws/s${sink < 0 ? ' ' : ''}`);
}

rate('uniform rng.double()', () => rng.double());
for (const [n, p] of [
  [20, 0.3],
  [1000, 0.001],
  [1000, 0.00999],
  [1000, 0.01],
  [100, 0.3],
  [1e6, 0.3],
  [1e12, 0.3],
  [2 ** 40, 1e-12],
  [1e12, 0.9999],
] as const) {
  rate(`binomial(n = ${n}, p = ${p})`, () => binomial(rng, n, p));
}
for (const mean of [0.5, 5, 9.99, 10, 100, 1e6, 1e12]) rate(`poisson(${mean})`, () => poisson(rng, mean));
const probs = [0.5, 0.2, 0.15, 0.1, 0.05];
const out = new Float64Array(probs.length);
for (const n of [100, 1e9]) {
  rate(`multinomialInto(n = ${n}, 5 categories)`, () => multinomialInto(rng, n, probs, out)[0]);
}
