/**
 * The emulated Drive in the page: Jenny's My Drive folder by folder, pictures as previews, analysis.json
 * and batch.json (any JSON or text file) readable as text. Everything shown as text is set as text.
 */
import type { DriveItemView, FolderView } from '../drive-view';
import { fileUrl, getFolder } from './api';

/** Drawn by CSS, not emoji: a machine without an emoji font would show empty boxes. */
function iconOf(item: DriveItemView): HTMLElement {
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  if (item.kind === 'folder') {
    icon.className = 'icon folder-icon';
  } else {
    icon.className = 'icon file-icon';
    const extension = /\.([A-Za-z0-9]{1,5})$/.exec(item.name)?.[1];
    icon.textContent = (extension ?? (item.kind === 'text' ? 'TXT' : 'FILE')).toUpperCase();
  }
  return icon;
}

/** The folder or file id in a drive.google.com address, or null. */
export function driveIdOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.hostname !== 'drive.google.com' && parsed.hostname !== 'docs.google.com') return null;
  const match = /\/(?:folders|d)\/([A-Za-z0-9_-]+)/.exec(parsed.pathname);
  return match?.[1] ?? parsed.searchParams.get('id');
}

export class DriveBrowser {
  private folderId = '';
  private signature = '';
  private openFileId: string | null = null;
  private listing: FolderView | null = null;

  constructor(
    private readonly section: HTMLElement,
    private readonly say: (text: string, error?: boolean) => void,
  ) {
    const toggle = this.$('drive-toggle');
    toggle.addEventListener('click', () => {
      const collapsed = section.classList.toggle('collapsed');
      toggle.textContent = collapsed ? 'Show Drive' : 'Hide Drive';
      toggle.setAttribute('aria-expanded', String(!collapsed));
      if (!collapsed) void this.refresh();
    });
    this.$('viewer-close').addEventListener('click', () => this.closeViewer());
  }

  private $(id: string): HTMLElement {
    const element = document.getElementById(id);
    if (!element) throw new Error(`harness page: #${id} is missing`);
    return element;
  }

  get visible(): boolean {
    return !this.section.classList.contains('collapsed');
  }

  /** Opens a folder, or the folder of a file with that file shown. */
  async open(id: string): Promise<void> {
    this.folderId = id;
    this.signature = '';
    if (this.section.classList.contains('collapsed')) this.$('drive-toggle').click();
    await this.refresh();
  }

  /** Opens a drive.google.com address (the Output cell, the sidebar's links); false if it is not one. */
  openUrl(url: string): boolean {
    const id = driveIdOf(url);
    if (!id) return false;
    void this.open(id);
    return true;
  }

  async refresh(): Promise<void> {
    if (!this.visible) return;
    const listing = await getFolder(this.folderId);
    if (!listing) {
      if (this.folderId !== '') {
        this.say('That Drive item is not there any more: showing My Drive.', true);
        this.folderId = '';
        await this.refresh();
      }
      return;
    }
    const signature = JSON.stringify(listing);
    if (signature === this.signature) return;
    this.signature = signature;
    this.listing = listing;
    this.folderId = listing.folder.id;
    this.draw(listing);
    if (listing.focus) {
      const item = listing.items.find((candidate) => candidate.id === listing.focus);
      if (item) this.show(item);
    }
  }

  private draw(listing: FolderView): void {
    const crumbs = this.$('drive-crumbs');
    crumbs.replaceChildren();
    listing.path.forEach((step, index) => {
      if (index > 0) {
        const sep = document.createElement('span');
        sep.className = 'sep';
        sep.textContent = '›';
        crumbs.append(sep);
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = step.name;
      button.addEventListener('click', () => void this.open(step.id));
      if (index === listing.path.length - 1) button.setAttribute('aria-current', 'page');
      crumbs.append(button);
    });
    const items = this.$('drive-items');
    items.replaceChildren();
    if (listing.items.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent =
        listing.path.length === 1
          ? 'Nothing in My Drive yet. Drop a product photo on a row of the sheet, or start a batch: its folder appears here.'
          : 'This folder is empty.';
      items.append(empty);
      return;
    }
    for (const item of listing.items) items.append(this.tile(item));
  }

  private tile(item: DriveItemView): HTMLElement {
    const tile = document.createElement('button');
    tile.type = 'button';
    tile.className = 'tile';
    tile.dataset.id = item.id;
    tile.dataset.kind = item.kind;
    tile.setAttribute('aria-pressed', String(item.id === this.openFileId));
    if (item.kind === 'image') {
      const img = document.createElement('img');
      img.src = fileUrl(item.id);
      img.alt = item.name;
      img.loading = 'lazy';
      tile.append(img);
    } else {
      tile.append(iconOf(item));
    }
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = item.name;
    tile.append(name);
    tile.title =
      item.kind === 'folder' ? `Open ${item.name}` : `${item.name} (${item.mimeType}, ${item.size} bytes)`;
    tile.addEventListener('click', () => {
      if (item.kind === 'folder') void this.open(item.id);
      else this.show(item);
    });
    return tile;
  }

  private show(item: DriveItemView): void {
    this.openFileId = item.id;
    for (const tile of Array.from(this.$('drive-items').querySelectorAll('.tile'))) {
      tile.setAttribute('aria-pressed', String((tile as HTMLElement).dataset.id === item.id));
    }
    const viewer = this.$('drive-viewer');
    viewer.hidden = false;
    this.$('viewer-title').textContent = item.name;
    const body = this.$('viewer-body');
    body.replaceChildren();
    if (item.kind === 'image') {
      const img = document.createElement('img');
      img.src = fileUrl(item.id);
      img.alt = item.name;
      body.append(img);
    } else if (item.kind === 'text') {
      const pre = document.createElement('pre');
      pre.textContent = 'Loading…';
      body.append(pre);
      void fetch(fileUrl(item.id))
        .then((response) =>
          response.ok ? response.text() : Promise.reject(new Error(String(response.status))),
        )
        .then((text) => {
          if (this.openFileId !== item.id) return;
          try {
            pre.textContent = JSON.stringify(JSON.parse(text), null, 2);
          } catch {
            pre.textContent = text;
          }
        })
        .catch(() => {
          pre.textContent = 'This file could not be read.';
        });
    } else {
      const link = document.createElement('a');
      link.href = fileUrl(item.id);
      link.textContent = `Download ${item.name}`;
      body.append(link);
    }
  }

  private closeViewer(): void {
    this.openFileId = null;
    this.$('drive-viewer').hidden = true;
    if (this.listing) this.draw(this.listing);
  }
}
