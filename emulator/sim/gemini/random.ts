/**
 * Seeded randomness for the simulated Gemini, on the simulators' shared generator. Content is derived
 * from a hash of the request, so the same request gets the same answer; faults and latencies come from
 * sequential streams, so a retry can succeed where the first try failed, and a run with the same seed
 * repeats exactly.
 */
import { hashString, pickInt, pickOne, seededRandom } from '../seeded-random';

export { hashString };

export class Rng {
  private readonly stream: () => number;

  constructor(seed: number) {
    this.stream = seededRandom(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.stream();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return pickInt(this.stream, min, max);
  }

  chance(probability: number): boolean {
    return probability > 0 && this.stream() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return pickOne(this.stream, items);
  }

  /** A standard normal draw (Box–Muller), for lognormal latencies. */
  normal(): number {
    const u = 1 - this.stream();
    const v = this.stream();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
