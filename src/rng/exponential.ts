// Exponential waiting times by inversion: -ln(1 - U) / rate, U uniform on [0, 1)
// (Devroye 1986, Non-Uniform Random Variate Generation, ch. 2).
import type { RandomStream } from './stream.js';

export function exponential(rng: RandomStream, rate: number): number {
  return -Math.log(1 - rng()) / rate;
}
