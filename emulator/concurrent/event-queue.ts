/**
 * The scheduler's events in a total order that depends only on the schedule, never on which thread
 * answered first. An event's key is (virtual time, group, rank): at one time, events the scheduler made
 * itself (starts, lock answers, time-outs; group 0, ranked by when it made them, which is itself
 * deterministic) come before the calls and ends that executions sent (group 1, ranked by execution
 * start order).
 */
export interface EventKey {
  at: number;
  group: number;
  rank: number;
}

interface Entry extends EventKey {
  /** Null once cancelled: dropped without moving time. */
  run: (() => void) | null;
}

/** Negative when `a` comes first. */
export function compareKeys(a: EventKey, b: EventKey): number {
  return a.at - b.at || a.group - b.group || a.rank - b.rank;
}

export class EventQueue {
  private readonly heap: Entry[] = [];
  private seq = 0;

  /** Queues an event of the scheduler's own for virtual time `at`; answers a function that cancels it. */
  push(at: number, run: () => void): () => void {
    return this.insert({ at, group: 0, rank: this.seq++, run });
  }

  /** Queues what execution number `order` sent (a call, its end) for virtual time `at`. */
  pushFrom(at: number, order: number, run: () => void): void {
    this.insert({ at, group: 1, rank: order, run });
  }

  /** The next event's key, or null if none is queued. */
  peek(): EventKey | null {
    this.dropCancelled();
    return this.heap[0] ?? null;
  }

  pop(): { at: number; run: () => void } | undefined {
    this.dropCancelled();
    const top = this.take();
    return top?.run ? { at: top.at, run: top.run } : undefined;
  }

  private insert(entry: Entry): () => void {
    this.heap.push(entry);
    this.up(this.heap.length - 1);
    return () => {
      entry.run = null;
    };
  }

  private dropCancelled(): void {
    while (this.heap[0] && this.heap[0].run === null) this.take();
  }

  private take(): Entry | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last) return undefined;
    if (last !== top) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(index: number): void {
    const heap = this.heap;
    for (let i = index; i > 0;) {
      const parent = (i - 1) >> 1;
      const child = heap[i] as Entry;
      const above = heap[parent] as Entry;
      if (compareKeys(child, above) >= 0) return;
      heap[i] = above;
      heap[parent] = child;
      i = parent;
    }
  }

  private down(index: number): void {
    const heap = this.heap;
    for (let i = index; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && compareKeys(heap[left] as Entry, heap[smallest] as Entry) < 0)
        smallest = left;
      if (right < heap.length && compareKeys(heap[right] as Entry, heap[smallest] as Entry) < 0) {
        smallest = right;
      }
      if (smallest === i) return;
      const swap = heap[i] as Entry;
      heap[i] = heap[smallest] as Entry;
      heap[smallest] = swap;
      i = smallest;
    }
  }
}
