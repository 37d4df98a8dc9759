/**
 * The harness page: the add-on menu and the sheet tabs, the live grid, the Drive browser, the real
 * sidebar in its iframe. The sheet is polled about every 1.5 s, so Status cells change as a batch runs.
 */
import type { RecordedMenu } from '../../../emulator/services/spreadsheet';
import { getState, postJson, type PageState } from './api';
import { DriveBrowser } from './drive';
import { Grid } from './grid';

const POLL_MS = 1500;
const DRIVE_POLL_MS = 3000;

function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`harness page: #${id} is missing`);
  return element;
}

let chosenSheet: string | null = null;
let shownSidebar = -1;
let lastToast = -1;
let toastTimer: ReturnType<typeof setTimeout> | null = null;
let refreshing = false;
let again = false;

function say(text: string, error = false): void {
  const message = $('message');
  message.textContent = text;
  message.classList.toggle('error', error);
}

const drive = new DriveBrowser($('drive'), say);
const grid = new Grid($('sheet'), $('grid') as HTMLTableElement, {
  say,
  refresh: () => void refresh(),
  openDriveUrl: (url) => drive.openUrl(url),
});

async function runMenu(functionName: string, caption: string): Promise<void> {
  say(`${caption}…`);
  const answer = await postJson('/menu', { functionName });
  say(answer.ok ? `${caption}: done.` : `${caption}: ${answer.message ?? 'failed'}`, !answer.ok);
  void refresh();
}

function renderMenu(menus: RecordedMenu[]): void {
  const host = $('menu');
  const key = JSON.stringify(menus);
  if (host.dataset.key === key) return;
  host.dataset.key = key;
  host.replaceChildren();
  for (const menu of menus) {
    for (const item of menu.items) {
      if (!('functionName' in item)) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `${menu.title} › ${item.caption}`;
      button.addEventListener('click', () => void runMenu(item.functionName, item.caption));
      host.append(button);
    }
  }
}

function renderTabs(sheets: string[], shown: string): void {
  const host = $('tabs');
  const key = JSON.stringify([sheets, shown]);
  if (host.dataset.key === key) return;
  host.dataset.key = key;
  host.replaceChildren();
  for (const name of sheets) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = name;
    button.setAttribute('aria-pressed', String(name === shown));
    button.addEventListener('click', () => {
      chosenSheet = name;
      void refresh();
    });
    host.append(button);
  }
}

function renderMode(state: PageState): void {
  const mode = $('mode');
  const real = state.mode.gemini === 'real';
  mode.classList.toggle('real', real);
  mode.textContent = real
    ? 'Real Gemini (your GEMINI_API_KEY) · simulated TikTok'
    : 'Offline: simulated TikTok and Gemini';
  $('title').textContent = `Emulated spreadsheet: ${state.spreadsheetName}`;
}

function renderToast(toast: PageState['toast']): void {
  const n = toast?.n ?? 0;
  // Toasts shown before the page opened are old news.
  if (lastToast === -1 || !toast || n <= lastToast) {
    lastToast = n;
    return;
  }
  lastToast = n;
  const box = $('toast');
  box.replaceChildren();
  if (toast.title) {
    const title = document.createElement('strong');
    title.textContent = toast.title;
    box.append(title, document.createElement('br'));
  }
  box.append(document.createTextNode(toast.message));
  box.hidden = false;
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    box.hidden = true;
  }, 6000);
}

async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    const epoch = grid.selectionEpoch;
    const state = await getState(chosenSheet);
    if (!state) return;
    if (chosenSheet && !state.sheets.includes(chosenSheet)) chosenSheet = null;
    renderMenu(state.menus);
    renderTabs(state.sheets, state.sheet);
    renderMode(state);
    renderToast(state.toast);
    grid.update(state.grid, epoch);
    if (state.sidebarCount !== shownSidebar) {
      shownSidebar = state.sidebarCount;
      $('sidebar-title').textContent = state.sidebarTitle ?? 'Sidebar';
      (document.getElementById('sidebar') as HTMLIFrameElement).src =
        state.sidebarCount > 0 ? `/sidebar?n=${state.sidebarCount}` : 'about:blank';
    }
  } finally {
    refreshing = false;
    if (again) {
      again = false;
      void refresh();
    }
  }
}

// Links to Drive inside the sidebar open in the Drive browser here (gas-shim.js sends them).
window.addEventListener('message', (event: MessageEvent) => {
  const frame = document.getElementById('sidebar') as HTMLIFrameElement;
  if (event.origin !== location.origin || event.source !== frame.contentWindow) return;
  const data = event.data as { type?: unknown; url?: unknown } | null;
  if (data?.type === 'open-drive' && typeof data.url === 'string') drive.openUrl(data.url);
});

async function poll(): Promise<void> {
  await refresh();
  setTimeout(() => void poll(), POLL_MS);
}

async function pollDrive(): Promise<void> {
  await drive.refresh();
  setTimeout(() => void pollDrive(), DRIVE_POLL_MS);
}

void poll();
void pollDrive();
