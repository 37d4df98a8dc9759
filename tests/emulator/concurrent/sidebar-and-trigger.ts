/**
 * A busy afternoon in miniature: a sidebar that keeps three google.script.run calls in flight (each
 * fetches, then records under the document lock), and a time-driven trigger every minute that does
 * the same. Used by the trigger and determinism tests.
 */
import type { ConcurrentReport, ConcurrentRuntime } from '../../../emulator/concurrent/runtime';
import type { World } from '../../../emulator/world';
import { concurrent, scriptWorld } from './setup';

export const CODE = `
function install() { ScriptApp.newTrigger('tick').timeBased().everyMinutes(1).create(); }
function record(source) {
  const response = UrlFetchApp.fetch('https://www.tiktok.com/api?jitter=' + Math.floor(Math.random() * 1000));
  const lock = LockService.getDocumentLock();
  lock.waitLock(30000);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.appendRow([source, Date.now(), response.getContentText()]);
  const row = sheet.getLastRow();
  lock.releaseLock();
  return row;
}
function work(n) { return record('sidebar ' + n); }
function tick(e) { return record('trigger ' + e.triggerUid); }
`;

export const IN_FLIGHT = 3;
export const MINUTES = 5;

export interface Afternoon {
  world: World;
  sim: ConcurrentRuntime;
  start: number;
  reports: ConcurrentReport[];
}

export function afternoon(seed = 1): Afternoon {
  const world = scriptWorld(CODE, { seed });
  let served = 0;
  // A server whose latency varies from request to request (8 to 20 s), the same way on every run.
  world.router.register('www.tiktok.com', (request) => {
    served += 1;
    return { status: 200, body: `#${served} ${request.url}`, latencyMs: 8_000 + ((served * 7_919) % 12_000) };
  });
  const sim = concurrent(world, { workers: IN_FLIGHT + 1 });
  const start = world.clock.now();
  sim.schedule({ functionName: 'install', kind: 'menu', at: start });
  const end = start + MINUTES * 60_000;
  let calls = 0;
  const next = (at: number) => {
    if (at >= end) return;
    calls += 1;
    sim.schedule({
      functionName: 'work',
      args: [calls],
      at,
      onDone: (report) => next(report.endedAt + 500),
    });
  };
  for (let i = 0; i < IN_FLIGHT; i++) next(start + 1_000 + i * 250);
  const reports = sim.runUntil(end);
  return { world, sim, start, reports };
}
