/**
 * The emulated sheet as an editable grid: click a cell and type (or double-click, Enter, F2), Enter to
 * save, Escape to leave it as it was; paste a block copied from a spreadsheet; drop product photos on a
 * row. The page redraws only the cells that changed, never the one being typed in.
 */
import type { CellView, GridView } from '../sheet-view';
import { postJson, postPhoto } from './api';
import { formatCell, parseTable } from './tsv';

export interface GridHost {
  say(text: string, error?: boolean): void;
  /** Asks the server for the sheet again, now. */
  refresh(): void;
  /** Opens a drive.google.com address in the page's Drive browser; false if it is not one. */
  openDriveUrl(url: string): boolean;
}

interface Pos {
  row: number;
  /** Index into the view's columns (the visible ones), not the sheet's column number. */
  index: number;
}

interface Editing {
  pos: Pos;
  input: HTMLInputElement;
  original: string;
}

const PHOTO_TYPES = /^image\/(jpeg|png)$/;
const MAX_COLUMN_PX = 240;

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export class Grid {
  private view: GridView | null = null;
  private shapeKey = '';
  private cellKeys: string[][] = [];
  private selected: Pos = { row: 1, index: 0 };
  /** The selection's extent when it came from the add-on (a whole row, say); 1×1 otherwise. */
  private extent = { rows: 1, columns: 1 };
  private editing: Editing | null = null;
  private lastServerSelection = '';
  private selectTimer: ReturnType<typeof setTimeout> | null = null;
  /** Counts the page's own cursor moves; `confirmed` is the last one the server has taken. */
  private epoch = 0;
  private confirmed = 0;
  private dropRow: HTMLTableRowElement | null = null;
  private readonly tbody = document.createElement('tbody');

  constructor(
    private readonly container: HTMLElement,
    private readonly table: HTMLTableElement,
    private readonly host: GridHost,
  ) {
    this.wire();
  }

  get sheetName(): string {
    return this.view?.sheet ?? '';
  }

  /** Taken before asking the server for the sheet, and given back to `update` with its answer. */
  get selectionEpoch(): number {
    return this.epoch;
  }

  /**
   * Draws the sheet as the server saw it. `epoch` says which of the page's cursor moves the server
   * could know of: its selection is followed only when it knew of the latest.
   */
  update(view: GridView | null, epoch = this.epoch): void {
    this.view = view;
    if (!view) {
      this.table.replaceChildren();
      this.shapeKey = '';
      return;
    }
    const shapeKey = JSON.stringify([view.sheet, view.columns]);
    if (shapeKey !== this.shapeKey) {
      // Another sheet, or its columns changed (Set up sheet): drawn anew, any typing dropped.
      this.shapeKey = shapeKey;
      this.rebuild(view);
    }
    this.patch(view);
    if (epoch === this.epoch && this.confirmed === this.epoch) this.adoptServerSelection(view);
    this.markSelection();
  }

  private rebuild(view: GridView): void {
    this.editing = null;
    this.cellKeys = [];
    this.tbody.replaceChildren();
    const colgroup = document.createElement('colgroup');
    const corner = document.createElement('col');
    corner.style.width = '46px';
    colgroup.append(corner);
    const headRow = document.createElement('tr');
    headRow.append(document.createElement('th'));
    for (const column of view.columns) {
      const col = document.createElement('col');
      // Narrower than in Sheets, so Status and Output fit beside the sidebar; cells show their text on hover.
      col.style.width = `${Math.max(40, Math.min(MAX_COLUMN_PX, column.width))}px`;
      colgroup.append(col);
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.letter;
      headRow.append(th);
    }
    // A fixed layout needs the table's width: the sum of the columns, as the sheet sets them.
    const widths = Array.from(colgroup.children).map((col) => parseInt((col as HTMLElement).style.width, 10));
    this.table.style.width = `${widths.reduce((sum, width) => sum + width, 0)}px`;
    const thead = document.createElement('thead');
    thead.append(headRow);
    this.table.replaceChildren(colgroup, thead, this.tbody);
  }

  private patch(view: GridView): void {
    const rows = this.tbody.rows;
    while (rows.length > view.cells.length) this.tbody.deleteRow(-1);
    view.cells.forEach((cells, r) => {
      let tr = rows[r];
      if (!tr) {
        tr = this.tbody.insertRow();
        tr.dataset.row = String(r + 1);
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = String(r + 1);
        tr.append(th);
        this.cellKeys[r] = [];
      }
      const keys = (this.cellKeys[r] ??= []);
      cells.forEach((cell, index) => {
        let td = tr.cells[index + 1] as HTMLTableCellElement | undefined;
        if (!td) {
          td = tr.insertCell();
          td.dataset.index = String(index);
        }
        const key = cell ? JSON.stringify(cell) : '';
        const beingEdited = this.editing?.pos.row === r + 1 && this.editing.pos.index === index;
        if (keys[index] === key || beingEdited) return;
        keys[index] = key;
        this.drawCell(td, cell);
      });
    });
  }

  private drawCell(td: HTMLTableCellElement, cell: CellView | null): void {
    td.replaceChildren();
    td.removeAttribute('title');
    td.style.background = cell?.b ?? '';
    td.style.color = cell?.c ?? '';
    td.style.fontWeight = cell?.w ? 'bold' : '';
    if (!cell) return;
    if (cell.l && /^https?:\/\//i.test(cell.l)) {
      const link = document.createElement('a');
      link.href = cell.l;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = cell.t;
      td.append(link);
    } else {
      td.textContent = cell.t;
    }
    const tip = [cell.t.length > 30 ? cell.t : '', cell.n ?? ''].filter(Boolean).join('\n\n');
    if (tip) td.title = tip;
  }

  private td(pos: Pos): HTMLTableCellElement | undefined {
    return this.tbody.rows[pos.row - 1]?.cells[pos.index + 1] as HTMLTableCellElement | undefined;
  }

  private cellText(pos: Pos): string {
    return this.view?.cells[pos.row - 1]?.[pos.index]?.t ?? '';
  }

  private sheetColumn(index: number): number {
    return this.view?.columns[index]?.column ?? index + 1;
  }

  private markSelection(): void {
    for (const td of Array.from(this.tbody.querySelectorAll('td.selected, td.in-selection'))) {
      td.classList.remove('selected', 'in-selection');
      td.removeAttribute('aria-selected');
    }
    for (let r = 0; r < this.extent.rows; r++) {
      for (let c = 0; c < this.extent.columns; c++) {
        this.td({ row: this.selected.row + r, index: this.selected.index + c })?.classList.add(
          'in-selection',
        );
      }
    }
    const td = this.td(this.selected);
    td?.classList.add('selected');
    td?.setAttribute('aria-selected', 'true');
  }

  /** The add-on moved the cursor (the sidebar's "select this row"): follow it. */
  private adoptServerSelection(view: GridView): void {
    const rect = view.selection ?? { row: 1, column: 1, numRows: 1, numColumns: 1 };
    const key = JSON.stringify([view.sheet, rect]);
    if (key === this.lastServerSelection) return;
    this.lastServerSelection = key;
    const index = view.columns.findIndex((column) => column.column >= rect.column);
    if (index < 0 || this.editing) return;
    const columns = view.columns.filter(
      (column) => column.column >= rect.column && column.column < rect.column + rect.numColumns,
    ).length;
    this.selected = { row: rect.row, index };
    this.extent = { rows: rect.numRows, columns: Math.max(1, columns) };
    this.markSelection();
    this.td(this.selected)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private select(pos: Pos, tellServer = true): void {
    const view = this.view;
    if (!view) return;
    const row = Math.max(1, Math.min(view.cells.length, pos.row));
    const index = Math.max(0, Math.min(view.columns.length - 1, pos.index));
    this.selected = { row, index };
    this.extent = { rows: 1, columns: 1 };
    this.markSelection();
    this.td(this.selected)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (!tellServer) return;
    // The add-on reads the cursor (getActiveRange): tell the emulated sheet where it is.
    const column = this.sheetColumn(index);
    this.lastServerSelection = JSON.stringify([view.sheet, { row, column, numRows: 1, numColumns: 1 }]);
    const mine = ++this.epoch;
    if (this.selectTimer) clearTimeout(this.selectTimer);
    this.selectTimer = setTimeout(() => {
      void postJson('/select', { sheet: view.sheet, row, column }).then(() => {
        this.confirmed = Math.max(this.confirmed, mine);
      });
    }, 150);
  }

  private startEdit(initial?: string): void {
    const pos = { ...this.selected };
    const td = this.td(pos);
    if (!td || !this.view) return;
    const original = this.cellText(pos);
    const input = document.createElement('input');
    input.type = 'text';
    input.value = initial ?? original;
    input.setAttribute('aria-label', `Cell ${this.view.columns[pos.index]?.letter ?? ''}${pos.row}`);
    this.editing = { pos, input, original };
    td.classList.add('editing');
    td.replaceChildren(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        this.commit({ row: pos.row + (event.shiftKey ? -1 : 1), index: pos.index });
      } else if (event.key === 'Tab') {
        event.preventDefault();
        this.commit({ row: pos.row, index: pos.index + (event.shiftKey ? -1 : 1) });
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
      }
    });
    input.addEventListener('blur', () => {
      if (this.editing?.input === input) this.commit(null);
    });
  }

  private finishEdit(): Editing | null {
    const editing = this.editing;
    if (!editing) return null;
    this.editing = null;
    const td = this.td(editing.pos);
    td?.classList.remove('editing');
    return editing;
  }

  private cancelEdit(): void {
    const editing = this.finishEdit();
    if (!editing) return;
    const td = this.td(editing.pos);
    if (td) this.drawCell(td, this.view?.cells[editing.pos.row - 1]?.[editing.pos.index] ?? null);
    this.container.focus({ preventScroll: true });
  }

  private commit(next: Pos | null): void {
    const editing = this.finishEdit();
    if (!editing) return;
    const value = editing.input.value;
    const td = this.td(editing.pos);
    if (td) {
      // Shown at once; the next poll brings what the sheet really holds (and the row's Status).
      this.drawCell(td, value === '' ? null : { t: value });
      const keys = this.cellKeys[editing.pos.row - 1];
      if (keys) keys[editing.pos.index] = '?';
    }
    if (value !== editing.original) void this.sendEdit(editing.pos, [[value]]);
    if (next) this.select(next);
    this.container.focus({ preventScroll: true });
  }

  private async sendEdit(pos: Pos, values: string[][]): Promise<void> {
    const sheet = this.sheetName;
    const answer = await postJson('/edit', {
      sheet,
      row: pos.row,
      column: this.sheetColumn(pos.index),
      values,
    });
    if (!answer.ok) this.host.say(answer.message ?? 'The edit was not saved.', true);
    else if (answer.onEdit !== 'completed') {
      this.host.say(
        `Saved, but the add-on's onEdit ${String(answer.onEdit)}: ${String(answer.onEditError ?? '')}`,
        true,
      );
    } else if (values.length > 1 || (values[0]?.length ?? 0) > 1) {
      this.host.say(
        `Pasted ${values.length} row(s) × ${values[0]?.length ?? 0} column(s) into ${String(answer.range)}.`,
      );
    } else {
      this.host.say(`Saved ${String(answer.range)}.`);
    }
    this.host.refresh();
  }

  private onKey(event: KeyboardEvent): void {
    if (this.editing || !this.view) return;
    const { row, index } = this.selected;
    const moves: Record<string, Pos> = {
      ArrowUp: { row: row - 1, index },
      ArrowDown: { row: row + 1, index },
      ArrowLeft: { row, index: index - 1 },
      ArrowRight: { row, index: index + 1 },
      Tab: { row, index: index + (event.shiftKey ? -1 : 1) },
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.select(move);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (this.cellText(this.selected) !== '') {
        const td = this.td(this.selected);
        if (td) this.drawCell(td, null);
        void this.sendEdit(this.selected, [['']]);
      }
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing over a cell replaces what is in it, as in Sheets.
      event.preventDefault();
      this.startEdit(event.key);
    }
  }

  private onPaste(event: ClipboardEvent): void {
    if (!this.view) return;
    const inGrid =
      this.container.contains(document.activeElement) || document.activeElement === document.body;
    if (!inGrid) return;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    // Inside a cell being typed in, plain text goes into the cell; a block fills cells from there.
    if (this.editing && !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const pos = this.editing ? this.editing.pos : this.selected;
    if (this.editing) this.cancelEdit();
    const values = parseTable(text);
    if (values.length === 0) return;
    void this.sendEdit(pos, values);
  }

  private onCopy(event: ClipboardEvent): void {
    if (this.editing || !this.container.contains(document.activeElement)) return;
    event.preventDefault();
    event.clipboardData?.setData('text/plain', formatCell(this.cellText(this.selected)));
  }

  private posOf(target: EventTarget | null): Pos | null {
    const td = (target as Element | null)?.closest?.('td');
    const tr = td?.parentElement as HTMLTableRowElement | undefined;
    if (!td || !tr?.dataset.row || td.dataset.index === undefined) return null;
    return { row: Number(tr.dataset.row), index: Number(td.dataset.index) };
  }

  private setDropRow(tr: HTMLTableRowElement | null): void {
    if (this.dropRow === tr) return;
    this.dropRow?.classList.remove('drop-target');
    this.dropRow = tr;
    tr?.classList.add('drop-target');
  }

  private async dropPhotos(row: number, files: File[]): Promise<void> {
    if (row < 2) {
      this.host.say('Drop the photo on one of the rows below the header (row 2 or lower).', true);
      return;
    }
    let target = row;
    for (const file of files) {
      if (file.type !== '' && !PHOTO_TYPES.test(file.type)) {
        this.host.say(
          `“${file.name}” is not a JPEG or PNG photo, so it was not added. Drop a JPEG or PNG picture of your product.`,
          true,
        );
        continue;
      }
      this.host.say(`Adding “${file.name}” to your Drive…`);
      const answer = await postPhoto(this.sheetName, target, file);
      this.host.say(answer.message ?? (answer.ok ? 'Added.' : 'The photo was not added.'), !answer.ok);
      if (answer.ok) target += 1;
      this.host.refresh();
    }
  }

  private wire(): void {
    const { container } = this;
    container.addEventListener('mousedown', (event) => {
      const pos = this.posOf(event.target);
      if (!pos) return;
      if ((event.target as Element).closest('a')) return;
      if (this.editing && this.editing.pos.row === pos.row && this.editing.pos.index === pos.index) return;
      event.preventDefault();
      if (this.editing) this.commit(null);
      this.select(pos);
      container.focus({ preventScroll: true });
    });
    container.addEventListener('dblclick', (event) => {
      const pos = this.posOf(event.target);
      if (!pos || this.editing) return;
      this.select(pos);
      this.startEdit();
    });
    container.addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      if (link && this.host.openDriveUrl(link.href)) event.preventDefault();
    });
    container.addEventListener('keydown', (event) => this.onKey(event));
    document.addEventListener('paste', (event) => this.onPaste(event));
    document.addEventListener('copy', (event) => this.onCopy(event));

    container.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      const tr = (event.target as Element).closest?.('tbody tr') as HTMLTableRowElement | null;
      this.setDropRow(tr);
    });
    container.addEventListener('dragleave', (event) => {
      if (!container.contains(event.relatedTarget as Node | null)) this.setDropRow(null);
    });
    container.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      const tr = (event.target as Element).closest?.('tbody tr') as HTMLTableRowElement | null;
      this.setDropRow(null);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (!tr?.dataset.row) {
        this.host.say('Drop the photo on a row of the sheet.', true);
        return;
      }
      void this.dropPhotos(Number(tr.dataset.row), files);
    });
    // Anywhere else, a dropped file must not replace the page.
    document.addEventListener('dragover', (event) => {
      if (hasFiles(event)) event.preventDefault();
    });
    document.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      this.host.say('Drop the photo on a row of the sheet, not here.', true);
    });
  }
}
