/**
 * The Status cell of a row in progress, in the engine's wording style: Fetching, Analyzing, Writing
 * text, Generating 3/6, Saving. The images are planned as soon as the slideshow is known, so the stage
 * is read from what is done, not from which items exist.
 */
import type { ItemRecord, RowRecord } from '../engine/types';

const isDone = (item: ItemRecord) => item.state === 'done';

export function describeRow(row: RowRecord): string {
  const of = (kind: string) => row.items.filter((item) => item.kind === kind);
  const allDone = (items: ItemRecord[]) => items.length > 0 && items.every(isDone);
  const images = of('image');
  if (allDone(images)) return 'Saving';
  if (images.length > 0 && (of('copy').some(isDone) || images.some(isDone))) {
    return `Generating ${images.filter(isDone).length}/${images.length}`;
  }
  if (allDone(of('analysis'))) return 'Writing text';
  if (allDone(of('files'))) return 'Analyzing';
  return 'Fetching';
}
