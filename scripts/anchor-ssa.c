/* The C anchor of `npm run bench` (scripts/benchAnchor.ts compiles it with the system's cc -O3):
 * a plain direct-method SSA (Gillespie 1977, J Phys Chem 81:2340) of the bench's reference
 * two-type model, the yardstick persim's agent engine is measured against. Sensitive (S) and
 * persister (P) counts only; per step of the timeline the per-cell rates are constant. The
 * waiting time is -log(U) / total (the textbook method, a logarithm per event), the event is
 * picked by one 53-bit uniform, and the generator is xoshiro128** (Blackman & Vigna 2018)
 * seeded by splitmix32-style mixing of (seed, run). Like the engine, the clock is a carried
 * unit exponential consumed at the total rate across step boundaries.
 *
 * Usage: anchor-ssa RUNS SEED S0 then, per step, T1 BS DS ES BP DP XP (hours, per hour).
 * Prints: runs, events, wall seconds of the simulation, mean S, mean P at the end.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint32_t s[4];

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline uint32_t next(void) {
  const uint32_t out = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return out;
}

/** Uniform on [0, 1) with 53 bits. */
static inline double u53(void) {
  const uint32_t a = next() >> 5, b = next() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

static uint32_t mix(uint32_t z) {
  z += 0x9e3779b9u;
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

int main(int argc, char **argv) {
  if (argc < 4 || (argc - 4) % 7 != 0) {
    fprintf(stderr, "usage: anchor-ssa RUNS SEED S0 [T1 BS DS ES BP DP XP]...\n");
    return 2;
  }
  const long runs = atol(argv[1]);
  const uint32_t seed = (uint32_t)atol(argv[2]);
  const long s0 = atol(argv[3]);
  const int steps = (argc - 4) / 7;
  double *q = malloc(sizeof(double) * 7 * (size_t)steps);
  for (int i = 0; i < 7 * steps; i++) q[i] = atof(argv[4 + i]);
  double events = 0, sumS = 0, sumP = 0;
  struct timespec w0, w1;
  clock_gettime(CLOCK_MONOTONIC, &w0);
  for (long run = 0; run < runs; run++) {
    uint32_t h = mix(seed ^ mix((uint32_t)run));
    for (int k = 0; k < 4; k++) s[k] = h = mix(h + (uint32_t)k);
    if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1;
    long nS = s0, nP = 0;
    double t = 0, e = -log(1.0 - u53());
    for (int i = 0; i < steps && nS + nP > 0; i++) {
      const double *r = q + 7 * i;
      const double t1 = r[0], perS = r[1] + r[2] + r[3], perP = r[4] + r[5] + r[6];
      for (;;) {
        const double propS = nS * perS, total = propS + nP * perP;
        if (total <= 0) break;
        const double wait = e / total;
        if (t + wait >= t1) {
          e -= total * (t1 - t);
          t = t1;
          break;
        }
        t += wait;
        e = -log(1.0 - u53());
        double x = u53() * total;
        events++;
        if (x < propS) {
          x -= floor(x / perS) * perS;
          if (x < r[1]) nS++;
          else if (x < r[1] + r[2]) nS--;
          else { nS--; nP++; }
        } else {
          x -= propS;
          x -= floor(x / perP) * perP;
          if (x < r[4]) nP++;
          else if (x < r[4] + r[5]) nP--;
          else { nP--; nS++; }
        }
      }
    }
    sumS += nS;
    sumP += nP;
  }
  clock_gettime(CLOCK_MONOTONIC, &w1);
  const double secs = (double)(w1.tv_sec - w0.tv_sec) + 1e-9 * (double)(w1.tv_nsec - w0.tv_nsec);
  printf("%ld %.0f %.6f %.3f %.3f\n", runs, events, secs, sumS / runs, sumP / runs);
  free(q);
  return 0;
}
