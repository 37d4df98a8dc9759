/**
 * The batch folder's name carries the batch's start in the spreadsheet's time zone, as Jenny reads her
 * clock: "TikTok Batch 2026-11-22 14.05". Intl (in Apps Script's V8) knows the zones; an unknown zone
 * falls back to UTC rather than failing the batch.
 */
import { batchFolderName } from '../drive';

function parts(at: number, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const out: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(at)))
    if (part.type !== 'literal') out[part.type] = part.value;
  return out;
}

/** `2026-11-22 14.05` (Utilities.formatDate's `yyyy-MM-dd HH.mm`). */
export function formatBatchStart(at: number, timeZone: string): string {
  let p: Record<string, string>;
  try {
    p = parts(at, timeZone);
  } catch {
    p = parts(at, 'UTC');
  }
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}.${p['minute']}`;
}

export function batchFolderNameAt(at: number, timeZone: string): string {
  return batchFolderName(formatBatchStart(at, timeZone));
}
