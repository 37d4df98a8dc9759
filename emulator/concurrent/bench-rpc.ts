/**
 * How many service calls a second the worker path sustains, beside the in-thread runtime:
 * `npx tsx emulator/concurrent/bench-rpc.ts`. Each execution makes 1,000 getRange().getValue() pairs
 * (2,000 calls, well inside 6 virtual minutes); twenty executions run one after another, then four at
 * a time. Prints the best of three rounds, since the first pays for JIT warm-up and worker start.
 */
import * as fs from 'node:fs';
import { Runtime } from '../core/runtime';
import type { Manifest } from '../core/world';
import { World } from '../world';
import { ConcurrentRuntime } from './runtime';

const CODE = `
function reads(n) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  let value;
  for (let i = 0; i < n; i++) value = sheet.getRange(1 + (i % 50), 1).getValue();
  return value;
}`;
const EXECUTIONS = 20;
const PAIRS = 1_000;
const ROUNDS = 3;

const manifest = JSON.parse(fs.readFileSync('appsscript.json', 'utf8')) as Manifest;
const newWorld = () => new World({ project: { code: CODE, html: {}, manifest } });

function rate(measure: () => number): number {
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const calls = measure();
    best = Math.max(best, calls / ((performance.now() - started) / 1000));
  }
  return Math.round(best);
}

function sequential(): number {
  const runtime = new Runtime(newWorld());
  return rate(() => {
    let calls = 0;
    for (let i = 0; i < EXECUTIONS; i++) calls += runtime.run('reads', [PAIRS]).calls;
    return calls;
  });
}

function concurrent(overlapping: number): number {
  const sim = new ConcurrentRuntime(newWorld(), { workers: overlapping });
  try {
    return rate(() => {
      let started = 0;
      const next = () => {
        if (started >= EXECUTIONS) return;
        started += 1;
        sim.schedule({ functionName: 'reads', args: [PAIRS], kind: 'menu', onDone: next });
      };
      for (let i = 0; i < overlapping; i++) next();
      const reports = sim.runUntil(() => !sim.busy);
      if (reports.some((report) => report.status !== 'completed')) throw new Error('an execution failed');
      return reports.reduce((sum, report) => sum + report.calls, 0);
    });
  } finally {
    void sim.close();
  }
}

console.log(`in-thread runtime:                ${sequential()} calls/s`);
console.log(`workers, one execution at a time: ${concurrent(1)} calls/s`);
console.log(`workers, four overlapping:        ${concurrent(4)} calls/s`);
