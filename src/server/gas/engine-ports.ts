/** The engine's ports, made of Apps Script services, for the execution running now. */
import type { EnginePorts } from '../engine/ports';
import type { BatchSheetPort } from '../ports/sheet';
import { appsScriptClock } from './clock';
import { urlFetchHttp } from './http';
import { documentLock } from './lock';
import { sheetStateStore } from './state-sheet';

export function appsScriptPorts(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: BatchSheetPort,
  secrets: (name: string) => string | null,
): EnginePorts {
  // Read once per execution: every step of every item asks, and a property read is a round trip.
  const known = new Map<string, string | null>();
  const secret = (name: string): string | null => {
    if (!known.has(name)) known.set(name, secrets(name));
    return known.get(name) ?? null;
  };
  return {
    secrets: { get: secret },
    images: {
      convert: (base64, from, to) =>
        Utilities.base64Encode(Utilities.newBlob(Utilities.base64Decode(base64), from).getAs(to).getBytes()),
    },
    store: sheetStateStore(spreadsheet),
    lock: documentLock(),
    http: urlFetchHttp,
    clock: appsScriptClock,
    cells: sheet,
    random: Math.random,
  };
}
