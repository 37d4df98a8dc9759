/**
 * Rich text values: a text and the links on parts of it. Text styles (bold, colors per run) are not
 * emulated; getTextStyle/setTextStyle are left out so a call fails loudly.
 */
import { GasError } from '../../core/env';
import type { LinkRun } from './model';

/** Merges touching runs with the same url and drops empty ones, so equal texts compare equal. */
function normalizeRuns(runs: LinkRun[]): LinkRun[] {
  const sorted = runs.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out: LinkRun[] = [];
  for (const run of sorted) {
    const last = out[out.length - 1];
    if (last && last.url === run.url && last.end === run.start) last.end = run.end;
    else out.push({ ...run });
  }
  return out;
}

/** Replaces the links on [start, end) with `url` (or removes them when url is null). */
function applyLink(runs: LinkRun[], start: number, end: number, url: string | null): LinkRun[] {
  const kept = runs.flatMap((r) => {
    const pieces: LinkRun[] = [];
    if (r.start < start) pieces.push({ start: r.start, end: Math.min(r.end, start), url: r.url });
    if (r.end > end) pieces.push({ start: Math.max(r.start, end), end: r.end, url: r.url });
    return pieces;
  });
  if (url !== null) kept.push({ start, end, url });
  return normalizeRuns(kept);
}

function linkOver(runs: LinkRun[], start: number, end: number): string | null {
  if (end <= start) return null;
  const run = runs.find((r) => r.start <= start && r.end >= end);
  return run ? run.url : null;
}

function checkOffsets(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new GasError(`Invalid offsets: ${start} to ${end} for a text of length ${text.length}.`);
  }
}

export class RichTextValue implements Pick<
  GoogleAppsScript.Spreadsheet.RichTextValue,
  'getText' | 'getStartIndex' | 'getEndIndex'
> {
  private readonly text: string;
  private readonly links: LinkRun[];
  /** Where this value sits in the text it was split from (getRuns); the whole text otherwise. */
  private readonly start: number;
  private readonly end: number;

  constructor(text: string, links: LinkRun[], start = 0, end = text.length) {
    this.text = text;
    this.links = normalizeRuns(links);
    this.start = start;
    this.end = end;
  }

  getText(): string {
    return this.text.slice(this.start, this.end);
  }

  getStartIndex(): number {
    return this.start;
  }

  getEndIndex(): number {
    return this.end;
  }

  /** The url when one link covers the whole span asked for; null when there is none or it varies. */
  getLinkUrl(startOffset?: number, endOffset?: number): string | null {
    if (startOffset === undefined || endOffset === undefined)
      return linkOver(this.links, this.start, this.end);
    const text = this.getText();
    checkOffsets(text, startOffset, endOffset);
    return linkOver(this.links, this.start + startOffset, this.start + endOffset);
  }

  /** Splits the text where links start or end. */
  getRuns(): RichTextValue[] {
    const cuts = new Set([this.start, this.end]);
    for (const r of this.links) {
      if (r.start > this.start && r.start < this.end) cuts.add(r.start);
      if (r.end > this.start && r.end < this.end) cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const runs: RichTextValue[] = [];
    points.slice(1).forEach((end, i) => {
      runs.push(new RichTextValue(this.text, this.links, points[i], end));
    });
    return runs;
  }

  copy(): RichTextValueBuilder {
    const builder = new RichTextValueBuilder();
    builder.setText(this.getText());
    for (const r of this.links) {
      const start = Math.max(r.start, this.start) - this.start;
      const end = Math.min(r.end, this.end) - this.start;
      if (end > start) builder.setLinkUrl(start, end, r.url);
    }
    return builder;
  }
}

export class RichTextValueBuilder {
  private text = '';
  private links: LinkRun[] = [];

  setText(text: string): RichTextValueBuilder {
    this.text = String(text);
    this.links = [];
    return this;
  }

  /** setLinkUrl(url) links the whole current text; setLinkUrl(start, end, url) a part of it. */
  setLinkUrl(...args: [string | null] | [number, number, string | null]): RichTextValueBuilder {
    if (args.length === 1) {
      this.links = applyLink(this.links, 0, this.text.length, args[0]);
      return this;
    }
    const [start, end, url] = args;
    checkOffsets(this.text, start, end);
    this.links = applyLink(this.links, start, end, url);
    return this;
  }

  build(): RichTextValue {
    return new RichTextValue(this.text, this.links);
  }
}

/** What setRichTextValue needs from a value, read through public methods (it may arrive wrapped). */
export interface RichTextLike {
  getText(): string;
  getStartIndex(): number;
  getRuns(): Array<{ getStartIndex(): number; getEndIndex(): number; getLinkUrl(): string | null }>;
}

export function linksOf(value: RichTextLike): { text: string; links: LinkRun[] } {
  const text = String(value.getText());
  // Run indexes count from the start of the text the value was split from.
  const offset = value.getStartIndex();
  const links: LinkRun[] = [];
  for (const run of value.getRuns()) {
    const url = run.getLinkUrl();
    if (url !== null)
      links.push({ start: run.getStartIndex() - offset, end: run.getEndIndex() - offset, url });
  }
  return { text, links: normalizeRuns(links) };
}
