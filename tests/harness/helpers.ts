/** Talking to a running harness as its page does, and reading the sheet the page shows. */
import type { Harness } from '../../scripts/harness/server';
import type { GridView } from '../../scripts/harness/sheet-view';

export interface Answer {
  ok: boolean;
  message?: string;
  [key: string]: unknown;
}

export async function postJson(
  harness: Harness,
  route: string,
  body: unknown,
): Promise<Answer & { status: number }> {
  const response = await fetch(new URL(route, harness.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Answer) };
}

export async function grid(harness: Harness, sheet = 'Batch'): Promise<GridView> {
  const response = await fetch(new URL(`/state?sheet=${encodeURIComponent(sheet)}`, harness.url));
  const state = (await response.json()) as { grid: GridView };
  return state.grid;
}

/** The text of the cell under `header` in `row`, as the page shows it. */
export async function cellText(harness: Harness, row: number, header: string): Promise<string> {
  const view = await grid(harness);
  const index = (view.cells[0] ?? []).findIndex((cell) => cell?.t === header);
  if (index < 0) throw new Error(`no ${header} column`);
  return view.cells[row - 1]?.[index]?.t ?? '';
}

export const LINKS = [
  'https://www.tiktok.com/@glow.daily/photo/7312345678901234567',
  'https://www.tiktok.com/@morning.ritual/photo/7398765432109876543',
];
