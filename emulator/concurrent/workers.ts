/**
 * Worker threads for concurrent executions, and the main thread's end of each one's channel. Workers
 * are reused across executions (each execution gets a fresh vm context in its worker) and grow in
 * number when more executions overlap than there are idle workers.
 */
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { SIGNAL_SLOTS, SyncChannel } from './channel';
import { TO_MAIN, TO_WORKER, type ToMain, type ToWorker, type WorkerBoot } from './wire';

let bundled: string | null = null;

/**
 * The worker's code: its TypeScript entry bundled once per process, so a worker needs no TypeScript
 * loader and starts the same under jest, tsx and CI.
 */
function workerSource(): string {
  if (bundled === null) {
    const result = buildSync({
      entryPoints: [path.join(__dirname, 'worker', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('emulator: esbuild produced no worker bundle');
    bundled = output.text;
  }
  return bundled;
}

export class WorkerLink {
  private readonly worker: Worker;
  private readonly channel: SyncChannel;
  private ready = false;
  /** What the worker was last asked to do, for the error when it does not answer. */
  doing = 'starting';

  constructor(
    code: string,
    private readonly timeoutMs: number,
  ) {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(SIGNAL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const boot: WorkerBoot = { port: port2, signal, code };
    this.worker = new Worker(workerSource(), { eval: true, workerData: boot, transferList: [port2] });
    // Nothing here listens on the event loop; a forgotten worker must not keep the process alive.
    this.worker.unref();
    port1.unref();
    this.channel = new SyncChannel(port1, signal, TO_MAIN, TO_WORKER);
  }

  send(message: ToWorker): void {
    this.channel.send(message);
  }

  /** The worker's next message; fails the run if it takes longer than the real-time limit. */
  receive(): ToMain {
    const message = this.channel.receive(this.timeoutMs) as ToMain | undefined;
    if (message === undefined) {
      throw new Error(
        `An emulator worker did not answer within ${this.timeoutMs / 1000} s of real time while ${this.doing}: ` +
          'a script loop that never calls a service, or a worker that crashed.',
      );
    }
    if (message.type === 'fatal') throw new Error(`An emulator worker failed: ${message.message}`);
    return message;
  }

  /** The worker's next message if it has sent one, without waiting. */
  poll(): ToMain | undefined {
    const message = this.channel.poll() as ToMain | undefined;
    if (message?.type === 'fatal') throw new Error(`An emulator worker failed: ${message.message}`);
    return message;
  }

  awaitReady(): void {
    if (this.ready) return;
    const message = this.receive();
    if (message.type !== 'ready') throw new Error(`emulator: a new worker said ${message.type} first`);
    this.ready = true;
  }

  close(): Promise<void> {
    try {
      this.send({ type: 'exit' });
    } catch {
      // Already gone.
    }
    return this.worker.terminate().then(
      () => undefined,
      () => undefined,
    );
  }
}

export interface PoolOptions {
  code: string;
  max: number;
  timeoutMs: number;
}

export class WorkerPool {
  private readonly idle: WorkerLink[] = [];
  private readonly all: WorkerLink[] = [];

  constructor(private readonly options: PoolOptions) {}

  /** Starts workers up to `count` without waiting for them, so they boot side by side. */
  warm(count: number): void {
    while (this.all.length < Math.min(count, this.options.max)) this.idle.push(this.spawn());
  }

  acquire(): WorkerLink {
    const link = this.idle.pop() ?? this.spawn();
    link.awaitReady();
    return link;
  }

  release(link: WorkerLink): void {
    link.doing = 'idle';
    this.idle.push(link);
  }

  /** A worker that can no longer be trusted (it did not answer): terminated, never reused. */
  discard(link: WorkerLink): void {
    const index = this.all.indexOf(link);
    if (index >= 0) this.all.splice(index, 1);
    void link.close();
  }

  close(): Promise<void> {
    this.idle.length = 0;
    return Promise.all(this.all.splice(0).map((link) => link.close())).then(() => undefined);
  }

  private spawn(): WorkerLink {
    if (this.all.length >= this.options.max) {
      throw new Error(
        `More than ${this.options.max} executions at once: raise maxWorkers, or let fewer overlap.`,
      );
    }
    const link = new WorkerLink(this.options.code, this.options.timeoutMs);
    this.all.push(link);
    return link;
  }
}
