/**
 * A worker thread that runs executions of the script, one after another, each in a fresh vm context
 * made like the in-thread runtime's. It never returns to its event loop: it blocks on the channel for
 * the next execution, and inside an execution for each service call's answer.
 */
import * as vm from 'node:vm';
import { workerData } from 'node:worker_threads';
import { errorOf } from '../../core/lifecycle';
import { createScriptContext } from '../../core/script-realm';
import { SyncChannel } from '../channel';
import { TO_MAIN, TO_WORKER, type ToMain, type ToWorker, type WorkerBoot } from '../wire';
import { ScriptSide } from './script-side';

type Start = Extract<ToWorker, { type: 'start' }>;

const boot = workerData as WorkerBoot;
const channel = new SyncChannel(boot.port, boot.signal, TO_WORKER, TO_MAIN);
const send = (message: ToMain): void => channel.send(message);
const receive = (): ToWorker => channel.receive(Infinity) as ToWorker;

function run(script: vm.Script, start: Start): void {
  // The script's clock: the execution's own virtual time, moved by each answer from the main thread.
  let now = start.now;
  const { context, realm } = createScriptContext(() => now, start.seed);
  const side = new ScriptSide(realm, (handle, method, args) => {
    send({ type: 'call', handle, method, args });
    const reply = receive();
    // The runtime closed while this execution was waiting: nothing more of it may run.
    if (reply.type === 'exit') process.exit(0);
    if (reply.type !== 'reply') throw new Error(`emulator: expected a reply, got ${reply.type}`);
    now = reply.now;
    return reply;
  });
  let done: ToMain;
  try {
    for (const global of start.globals) context[global.name] = side.toScript(global.value);
    script.runInContext(context);
    if (typeof context[start.functionName] !== 'function') {
      throw new Error(`Script function not found: ${start.functionName}`);
    }
    context.__emulatorCall = { name: start.functionName, args: side.toScript(start.args) };
    const result = vm.runInContext(
      'globalThis[__emulatorCall.name].apply(null, __emulatorCall.args)',
      context,
    ) as unknown;
    done = { type: 'done', ok: true, value: side.fromScript(result) };
  } catch (thrown) {
    done = { type: 'done', ok: false, error: errorOf(thrown) };
  }
  try {
    send(done);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send({
      type: 'done',
      ok: false,
      error: {
        name: 'Error',
        message: `${start.functionName}() returned what cannot leave the worker: ${message}`,
      },
    });
  }
}

function main(): void {
  let script: vm.Script;
  try {
    script = new vm.Script(boot.code, { filename: 'Code.js' });
  } catch (error) {
    send({ type: 'fatal', message: `Code.js does not compile: ${String(error)}` });
    return;
  }
  send({ type: 'ready' });
  for (;;) {
    const message = receive();
    if (message.type === 'exit') break;
    if (message.type !== 'start') {
      send({ type: 'fatal', message: `expected an execution to start, got ${message.type}` });
      break;
    }
    run(script, message);
  }
  boot.port.close();
}

main();
