/**
 * The onEdit simple trigger of the real bundle, fired as Sheets fires it after Jenny types or pastes:
 * in AuthMode.LIMITED, with the edited range in the event.
 */
import type { Range } from '../../../emulator/services/spreadsheet';
import {
  columnOf,
  DESCRIPTION,
  PHOTO,
  POST_A,
  POST_B,
  POST_C,
  setUpWorld,
  type Setup,
  callCounts,
  callsSince,
} from './helpers';

function fireEdit(ctx: Setup, range: Range) {
  const event = { authMode: 'LIMITED', range, source: ctx.spreadsheet, triggerUid: '' };
  return ctx.runtime.run('onEdit', [event], { authMode: 'LIMITED', kind: 'simple-trigger' });
}

function statuses(ctx: Setup, from: number, count: number): unknown[] {
  return ctx.batch().getRange(from, columnOf(ctx, 'status'), count, 1).getValues().flat();
}

function setUpSheet(): Setup {
  const ctx = setUpWorld();
  expect(ctx.setUp().status).toBe('completed');
  return ctx;
}

/** Jenny pastes rows into Link, Product photo and Product description (columns A to C). */
function paste(ctx: Setup, row: number, lines: string[][]): Range {
  const range = ctx.batch().getRange(row, 1, lines.length, 3);
  range.setValues(lines);
  return range;
}

describe('onEdit', () => {
  it('after a paste of 5 links, each row says at once whether it is ready, and why not', () => {
    const ctx = setUpSheet();
    const range = paste(ctx, 2, [
      [POST_A, PHOTO, DESCRIPTION],
      ['https://vm.tiktok.com/ZMh7abc12/', PHOTO, DESCRIPTION],
      [`Look at this! https://m.tiktok.com/v/7401234567890123456.html`, PHOTO, DESCRIPTION],
      ['https://www.tiktok.com/@glow.daily', PHOTO, DESCRIPTION],
      [POST_B, '', DESCRIPTION],
    ]);
    const before = callCounts(ctx);
    const report = fireEdit(ctx, range);
    expect(report.error).toBeUndefined();
    expect(report.status).toBe('completed');
    expect(statuses(ctx, 2, 5)).toEqual([
      'Ready',
      'Ready (short link, will be checked at start)',
      'Duplicate of row 2: the same TikTok post is already there, so this row is skipped.',
      'Invalid link: this is a TikTok profile (@glow.daily), not a post: open the slideshow you want and use Share → Copy link.',
      'Missing product photo: put a Google Drive link to the photo (or an https image link) in the Product photo column.',
    ]);
    // One read of the sheet, one of the links behind the cells, one write.
    const calls = callsSince(ctx, before);
    expect(calls['Range.getDisplayValues']).toBe(1);
    expect(calls['Range.getRichTextValues']).toBe(1);
    expect(calls['Range.setValues']).toBe(1);
    expect(Object.keys(calls).filter((key) => !/^(Range|Sheet|RichTextValue)\./.test(key))).toEqual([]);
  });

  it('updates a row elsewhere that becomes, or stops being, a duplicate', () => {
    const ctx = setUpSheet();
    fireEdit(
      ctx,
      paste(ctx, 2, [
        [POST_A, PHOTO, DESCRIPTION],
        [POST_B, PHOTO, DESCRIPTION],
      ]),
    );
    fireEdit(ctx, paste(ctx, 6, [[POST_B, PHOTO, DESCRIPTION]]));
    expect(statuses(ctx, 6, 1)).toEqual([expect.stringMatching(/^Duplicate of row 3:/)]);
    // Jenny replaces row 3's link: row 6 is no longer a duplicate.
    fireEdit(ctx, paste(ctx, 3, [[POST_C, PHOTO, DESCRIPTION]]));
    expect(statuses(ctx, 2, 5)).toEqual(['Ready', 'Ready', '', '', 'Ready']);
  });

  it('leaves a batch status alone when only an override changes, and re-checks the row when its link changes', () => {
    const ctx = setUpSheet();
    const sheet = ctx.batch();
    fireEdit(ctx, paste(ctx, 2, [[POST_A, PHOTO, DESCRIPTION]]));
    sheet.getRange(2, columnOf(ctx, 'status')).setValue('Generating 2/6');

    const override = sheet.getRange(2, columnOf(ctx, 'photoVariations'));
    override.setValue(4);
    fireEdit(ctx, override);
    expect(statuses(ctx, 2, 1)).toEqual(['Generating 2/6']);

    const link = sheet.getRange(2, columnOf(ctx, 'link'));
    link.setValue('not a link');
    fireEdit(ctx, link);
    expect(statuses(ctx, 2, 1)).toEqual([expect.stringMatching(/^Invalid link: this is not a link/)]);
  });

  it('clears the status of a row Jenny empties', () => {
    const ctx = setUpSheet();
    fireEdit(ctx, paste(ctx, 2, [[POST_A, PHOTO, DESCRIPTION]]));
    const row = ctx.batch().getRange(2, 1, 1, 3);
    row.clearContent();
    fireEdit(ctx, row);
    expect(statuses(ctx, 2, 1)).toEqual(['']);
  });

  it('reads the link behind a smart chip in Product photo', () => {
    const ctx = setUpSheet();
    const photo = ctx.app.newRichTextValue().setText('serum-front.jpg').setLinkUrl(PHOTO).build();
    paste(ctx, 2, [[POST_A, '', DESCRIPTION]]);
    const cell = ctx.batch().getRange(2, 2);
    cell.setRichTextValue(photo);
    fireEdit(ctx, ctx.batch().getRange(2, 1, 1, 3));
    expect(statuses(ctx, 2, 1)).toEqual(['Ready']);
  });

  it('ignores the header row, other sheets and edits outside the input columns', () => {
    const ctx = setUpSheet();
    const sheet = ctx.batch();
    sheet.getRange(2, 1, 1, 3).setValues([[POST_A, PHOTO, '']]);
    const other = ctx.spreadsheet.insertSheet('Notes');
    other.getRange(2, 1, 1, 3).setValues([[POST_A, PHOTO, '']]);
    const before = ctx.state();
    for (const range of [
      sheet.getRange(1, 1, 1, 3),
      other.getRange(2, 1, 1, 3),
      sheet.getRange(2, columnOf(ctx, 'output')),
    ]) {
      expect(fireEdit(ctx, range).status).toBe('completed');
    }
    expect(ctx.state()).toBe(before);
    // The same row edited in its input columns does get a status: the edits above were ignored, not lost.
    fireEdit(ctx, sheet.getRange(2, 1, 1, 3));
    expect(statuses(ctx, 2, 1)).toEqual([expect.stringMatching(/^Missing description:/)]);
  });

  it('writes nothing on a sheet whose Status header is gone, and says how to repair it', () => {
    const ctx = setUpSheet();
    const sheet = ctx.batch();
    sheet.deleteColumn(columnOf(ctx, 'status'));
    const range = paste(ctx, 2, [[POST_A, PHOTO, DESCRIPTION]]);
    const before = ctx.state();
    expect(fireEdit(ctx, range).status).toBe('completed');
    expect(ctx.state()).toBe(before);
    expect(ctx.toasts().at(-1)?.message).toBe(
      'The Batch sheet has no "Status" column: use Extensions › Slideshow Remix › Set up sheet to add it back (nothing you typed is removed).',
    );
  });

  it('needs nothing beyond AuthMode.LIMITED, as a simple trigger gets: no Drive, network or properties', () => {
    const ctx = setUpSheet();
    const before = callCounts(ctx);
    const report = fireEdit(ctx, paste(ctx, 2, [[POST_A, PHOTO, DESCRIPTION]]));
    expect(report.status).toBe('completed');
    expect(statuses(ctx, 2, 1)).toEqual(['Ready']);
    const classes = new Set(Object.keys(callsSince(ctx, before)).map((key) => key.split('.')[0]));
    expect([...classes].sort()).toEqual(['Range', 'RichTextValue', 'Sheet']);
  });

  it("the event's range carries SpreadsheetApp's rules: in AuthMode.NONE it is refused", () => {
    const ctx = setUpSheet();
    const range = paste(ctx, 2, [[POST_A, PHOTO, DESCRIPTION]]);
    const event = { authMode: 'NONE', range, source: ctx.spreadsheet, triggerUid: '' };
    const report = ctx.runtime.run('onEdit', [event], { authMode: 'NONE', kind: 'simple-trigger' });
    expect(report.status).toBe('failed');
    expect(report.error?.message).toMatch(/You do not have permission to call Range\./);
  });
});
