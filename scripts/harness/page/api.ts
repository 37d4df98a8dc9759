/** The harness server's routes, as the page calls them. */
import type { FolderView } from '../drive-view';
import type { RecordedMenu } from '../../../emulator/services/spreadsheet';
import type { GridView } from '../sheet-view';

export interface PageState {
  spreadsheetName: string;
  sheets: string[];
  sheet: string;
  activeSheet: string | null;
  grid: GridView | null;
  menus: RecordedMenu[];
  sidebarCount: number;
  sidebarTitle: string | null;
  toast: { n: number; title: string; message: string } | null;
  mode: { gemini: 'simulated' | 'real'; tiktok: 'simulated' };
}

export interface Answer {
  ok: boolean;
  message?: string;
  [key: string]: unknown;
}

async function answerOf(response: Response): Promise<Answer> {
  try {
    return (await response.json()) as Answer;
  } catch {
    return { ok: false, message: `The harness answered ${response.status}.` };
  }
}

export async function postJson(path: string, body: unknown): Promise<Answer> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return await answerOf(response);
  } catch {
    return { ok: false, message: 'The harness is not answering: is `npm start` still running?' };
  }
}

export async function postPhoto(sheet: string, row: number, file: File): Promise<Answer> {
  try {
    const response = await fetch(`/photo?sheet=${encodeURIComponent(sheet)}&row=${row}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      body: file,
    });
    return await answerOf(response);
  } catch {
    return { ok: false, message: 'The harness is not answering: is `npm start` still running?' };
  }
}

export async function getState(sheet: string | null): Promise<PageState | null> {
  try {
    const response = await fetch(`/state?sheet=${encodeURIComponent(sheet ?? '')}`);
    return response.ok ? ((await response.json()) as PageState) : null;
  } catch {
    return null;
  }
}

export async function getFolder(id: string): Promise<FolderView | null> {
  try {
    const response = await fetch(`/drive?id=${encodeURIComponent(id)}`);
    return response.ok ? ((await response.json()) as FolderView) : null;
  } catch {
    return null;
  }
}

export const fileUrl = (id: string) => `/drive/file?id=${encodeURIComponent(id)}`;
