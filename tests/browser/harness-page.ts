/** Finding things in the harness page's grid and Drive browser, for the browser tests. */
import type { Page } from 'playwright-core';

/** The grid cell under the column headed `header` (row 1's text) in sheet row `row`. */
export async function gridCell(page: Page, row: number, header: string) {
  const index = await page
    .locator('#grid tbody tr[data-row="1"] td')
    .evaluateAll((cells, wanted) => cells.findIndex((cell) => cell.textContent === wanted), header);
  if (index < 0) throw new Error(`no ${header} column in the grid`);
  return page.locator(`#grid tbody tr[data-row="${row}"] td[data-index="${index}"]`);
}

/** Drops files on an element the way a file dragged from the desktop arrives. */
export async function dropFiles(
  page: Page,
  selector: string,
  files: { name: string; type: string; bytes: Buffer }[],
): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, type: file.type, bytes: [...file.bytes] }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    }
    return transfer;
  }, payload);
  const target = page.locator(selector);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}
