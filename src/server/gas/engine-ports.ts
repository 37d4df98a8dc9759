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
  return {
    secrets: { get: secrets },
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
