/**
 * HtmlService and HtmlOutput. Project HTML files come from the runtime through `readProjectFile`;
 * templates (createTemplate*, asTemplate) are not emulated.
 */
import { GasError } from '../../core/env';
import { SandboxMode, XFrameOptionsMode } from './enums';
import type { HtmlSnapshot } from './ui-state';

/** Returns the source of a project file by its name without ".html", or null when there is none. */
export type ReadProjectFile = (name: string) => string | null;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export class HtmlOutputMetaTag {
  private readonly name: string;
  private readonly content: string;

  constructor(name: string, content: string) {
    this.name = name;
    this.content = content;
  }

  getName(): string {
    return this.name;
  }

  getContent(): string {
    return this.content;
  }
}

export class HtmlOutput implements Pick<
  GoogleAppsScript.HTML.HtmlOutput,
  'getContent' | 'getTitle' | 'getWidth' | 'getHeight' | 'getFaviconUrl'
> {
  private content: string;
  private title = '';
  /** 0 until set: the size of a sidebar is fixed by Sheets, a dialog's comes from here. */
  private width = 0;
  private height = 0;
  private faviconUrl = '';
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private metaTags: { name: string; content: string }[] = [];

  constructor(content = '') {
    this.content = content;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }

  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): HtmlOutput {
    this.content = '';
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): HtmlOutput {
    this.width = Number(width);
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): HtmlOutput {
    this.height = Number(height);
    return this;
  }

  getFaviconUrl(): string {
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.faviconUrl = String(iconUrl);
    return this;
  }

  /** Apps Script has served every mode as IFRAME since 2016; the request is kept for inspection. */
  setSandboxMode(mode: unknown): HtmlOutput {
    this.sandboxMode = String(mode);
    return this;
  }

  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  getMetaTags(): HtmlOutputMetaTag[] {
    return this.metaTags.map((t) => new HtmlOutputMetaTag(t.name, t.content));
  }

  /** What the Ui records when this output is shown. */
  _snapshot(): HtmlSnapshot {
    return {
      title: this.title,
      html: this.content,
      width: this.width,
      height: this.height,
      sandboxMode: this.sandboxMode,
      xFrameOptionsMode: this.xFrameOptionsMode,
      metaTags: this.metaTags.map((t) => ({ ...t })),
    };
  }
}

export class HtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  private readonly readProjectFile: ReadProjectFile;

  constructor(readProjectFile: ReadProjectFile) {
    this.readProjectFile = readProjectFile;
  }

  /** From a string, or from anything with getDataAsString() (a Blob). */
  createHtmlOutput(html?: unknown): HtmlOutput {
    if (html === undefined || html === null) return new HtmlOutput();
    if (typeof html === 'object' && 'getDataAsString' in html && typeof html.getDataAsString === 'function') {
      return new HtmlOutput(String(html.getDataAsString()));
    }
    return new HtmlOutput(String(html));
  }

  /** The name may be given with or without ".html". */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename);
    const source = this.readProjectFile(name.replace(/\.html$/, ''));
    if (source === null) throw new GasError(`No HTML file named ${name} was found.`);
    return new HtmlOutput(source);
  }
}

export function createHtmlService(readProjectFile: ReadProjectFile): HtmlService {
  return new HtmlService(readProjectFile);
}
