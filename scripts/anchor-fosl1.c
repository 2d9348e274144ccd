/* The C anchor of the FOSL1 section of `npm run bench` (scripts/benchFosl1.ts writes its input
 * and compiles it with the system's cc -O3): the agent engine's FOSL1 per-cell update
 * (src/engine/fosl1Levels.ts) written plainly in C, the yardstick the TypeScript update is
 * measured against. The same work, step for step: per step, persisters first, then sensitive
 * cells, each pool in slot order, every level takes one Euler-Maruyama step
 *   y = max(0, a1 x + a0 + a2 u / (1 + u) + sn Z),  u = (x / K)^n,
 * (Maruyama 1955; u^n by repeated squaring for an integer n, as the engine), Z a standard
 * normal by the ziggurat of Marsaglia & Tsang 2000 (128 layers, the tail by Marsaglia 1964)
 * on xoshiro128** (Blackman & Vigna 2018), one 32-bit word a draw in the common case; the
 * slots that crossed their threshold (a persister below off, a sensitive cell above on) are
 * counted and moved to the other pool after the pass, from the last down (append there, the
 * pool's last cell into the freed slot). The ziggurat's tables, the generator's state, the
 * step coefficients and the initial levels come from the engine, so on the same input the
 * two compute the same levels (the bench compares the results).
 *
 * Usage: anchor-fosl1 FILE. FILE holds little-endian doubles: nS nP steps invK hill intHill on
 * off s0 s1 s2 s3 (the state words, signed), steps x (a0 a1 a2 sn), X[129] Y[129] CORE[128]
 * STEP[128], then the nS sensitive and the nP persister levels.
 * Prints: wall and CPU seconds of the steps, sensitive and persister cells at the end, entries,
 * exits, and the sum of the levels (%.17g).
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define R 3.442619855899

static uint32_t s[4];
static double X[129], Y[129], STEP[128];
static int32_t CORE[128];

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

/** Uniform on [0, 1) with 32 bits. */
static inline double u32(void) { return next() / 4294967296.0; }

static double tail(void) {
  for (;;) {
    const double x = -log(1 - u32()) / R;
    const double y = -log(1 - u32());
    if (y + y > x * x) return R + x;
  }
}

/** The rare case: the word w fell outside its layer's core (a wedge or the tail). */
static double outside(int32_t w) {
  for (;;) {
    const int i = w & 127;
    const int32_t m = w >> 8;
    if (abs(m) < CORE[i]) return m * STEP[i];
    if (i == 0) return m < 0 ? -tail() : tail();
    const double x = m * STEP[i];
    if (Y[i] + u32() * (Y[i + 1] - Y[i]) < exp(-0.5 * x * x)) return x;
    w = (int32_t)next();
  }
}

static inline double normal(void) {
  const int32_t w = (int32_t)next();
  const int32_t m = w >> 8;
  const int i = w & 127;
  return abs(m) < CORE[i] ? m * STEP[i] : outside(w);
}

/** One step of lv[0 .. count - 1]; the slots beyond thr in direction dir go to crossed; returns how many. */
static long step_pool(double *lv, long count, const double *c, double invK, int hill, int intHill, double hillD, double thr, double dir, long *crossed) {
  const double a0 = c[0], a1 = c[1], a2 = c[2], sn = c[3];
  long n = 0;
  for (long k = 0; k < count; k++) {
    const double z = sn > 0 ? normal() : 0;
    const double x = lv[k];
    double u = x * invK, un = 1;
    if (intHill) {
      for (int e = hill; e > 0; e >>= 1) {
        if (e & 1) un *= u;
        u *= u;
      }
    } else un = pow(u, hillD);
    double y = a1 * x + a0 + (a2 * un) / (1 + un) + sn * z;
    if (y < 0) y = 0;
    lv[k] = y;
    if (dir * (y - thr) > 0) crossed[n++] = k;
  }
  return n;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: anchor-fosl1 FILE\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  double h[12];
  if (fread(h, sizeof(double), 12, f) != 12) return 2;
  long nS = (long)h[0], nP = (long)h[1];
  const long steps = (long)h[2], all = nS + nP;
  const double invK = h[3], hillD = h[4], on = h[6], off = h[7];
  const int hill = (int)hillD, intHill = h[5] != 0;
  for (int k = 0; k < 4; k++) s[k] = (uint32_t)(int32_t)h[8 + k];
  double *coef = malloc(sizeof(double) * 4 * (size_t)steps);
  double tables[129 + 129 + 128 + 128];
  double *lvS = malloc(sizeof(double) * (size_t)(all + 1));
  double *lvP = malloc(sizeof(double) * (size_t)(all + 1));
  long *crossed = malloc(sizeof(long) * (size_t)(all + 1));
  if (fread(coef, sizeof(double), 4 * (size_t)steps, f) != 4 * (size_t)steps) return 2;
  if (fread(tables, sizeof(double), 514, f) != 514) return 2;
  if (fread(lvS, sizeof(double), (size_t)nS, f) != (size_t)nS || fread(lvP, sizeof(double), (size_t)nP, f) != (size_t)nP) return 2;
  fclose(f);
  for (int i = 0; i < 129; i++) X[i] = tables[i], Y[i] = tables[129 + i];
  for (int i = 0; i < 128; i++) CORE[i] = (int32_t)tables[258 + i], STEP[i] = tables[386 + i];
  long entries = 0, exits = 0;
  struct timespec w0, w1, c0, c1;
  clock_gettime(CLOCK_MONOTONIC, &w0);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
  for (long i = 0; i < steps; i++) {
    const double *c = coef + 4 * i;
    long n = step_pool(lvP, nP, c, invK, hill, intHill, hillD, off, -1, crossed);
    for (long j = n - 1; j >= 0; j--) {
      lvS[nS++] = lvP[crossed[j]];
      lvP[crossed[j]] = lvP[--nP];
    }
    exits += n;
    n = step_pool(lvS, nS - n, c, invK, hill, intHill, hillD, on, 1, crossed);
    for (long j = n - 1; j >= 0; j--) {
      lvP[nP++] = lvS[crossed[j]];
      lvS[crossed[j]] = lvS[--nS];
    }
    entries += n;
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
  clock_gettime(CLOCK_MONOTONIC, &w1);
  double sum = 0;
  for (long k = 0; k < nS; k++) sum += lvS[k];
  for (long k = 0; k < nP; k++) sum += lvP[k];
  printf("%.6f %.6f %ld %ld %ld %ld %.17g\n", (double)(w1.tv_sec - w0.tv_sec) + 1e-9 * (double)(w1.tv_nsec - w0.tv_nsec),
         (double)(c1.tv_sec - c0.tv_sec) + 1e-9 * (double)(c1.tv_nsec - c0.tv_nsec), nS, nP, entries, exits, sum);
  free(coef);
  free(lvS);
  free(lvP);
  free(crossed);
  return 0;
}
