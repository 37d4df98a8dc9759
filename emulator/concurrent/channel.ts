/**
 * One end of a synchronous message channel between two threads: a MessagePort for the messages
 * (structured clone) and, in shared memory, a counter per direction and a flag per receiver that says
 * it sleeps, so the receiver can block with Atomics.wait instead of returning to its event loop. The
 * script's service calls must block: Apps Script's are synchronous, and the script's stack has to stay
 * where it is until the answer comes.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

/**
 * How many times the receiver polls before it sleeps. Longer polling (tens of microseconds) halves the
 * cost of a call when the machine has cores to spare, but with more threads than cores (four workers
 * and this thread on two cores) a polling thread takes the core the thread it waits for needs, and
 * calls get several times dearer. Measured on a busy two-core machine, a brief poll was best.
 */
const SPIN = 128;
/** signal[SLEEPING + i] is 1 while the receiver of direction i sleeps in Atomics.wait. */
export const SIGNAL_SLOTS = 4;
const SLEEPING = 2;

export class SyncChannel {
  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly inbox: number,
    private readonly outbox: number,
  ) {}

  send(message: unknown): void {
    this.port.postMessage(message);
    // The message is in the port's queue before the count moves, so a receiver that sees the new
    // count finds the message.
    Atomics.add(this.signal, this.outbox, 1);
    // Waking a sleeping thread is a system call; a polling one sees the count move by itself.
    if (Atomics.load(this.signal, SLEEPING + this.outbox) === 1) Atomics.notify(this.signal, this.outbox);
  }

  /** The next message if one has come, without waiting. */
  poll(): unknown {
    return receiveMessageOnPort(this.port)?.message as unknown;
  }

  /** The next message; undefined if none came within `timeoutMs` of real time (Infinity: wait for ever). */
  receive(timeoutMs: number): unknown {
    const { signal, inbox } = this;
    for (;;) {
      const seen = Atomics.load(signal, inbox);
      const received = receiveMessageOnPort(this.port);
      if (received) return received.message as unknown;
      for (let i = 0; i < SPIN && Atomics.load(signal, inbox) === seen; i++);
      if (Atomics.load(signal, inbox) !== seen) continue;
      // Said before the count is checked once more (inside Atomics.wait): a sender that moves the count
      // after that check sees the flag and wakes us; one that moved it before makes the wait return.
      Atomics.store(signal, SLEEPING + inbox, 1);
      const woke = Atomics.wait(signal, inbox, seen, timeoutMs);
      Atomics.store(signal, SLEEPING + inbox, 0);
      if (woke === 'timed-out') return undefined;
    }
  }
}
