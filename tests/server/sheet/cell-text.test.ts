import { parseInput } from '../../../emulator/services/spreadsheet/values';
import {
  CELL_TEXT_LIMIT,
  fitCellText,
  needsTextEscape,
  textInput,
} from '../../../src/server/sheet/cell-text';

/** What Sheets stores for an input (the emulator follows Sheets' typed-input rules). */
function stored(input: string) {
  return parseInput(input, undefined);
}

describe('textInput: whatever the text, the cell holds exactly that text', () => {
  test.each([
    '=1+1',
    '=HYPERLINK("https://evil.test","click")',
    '+33 6 12 34 56 78',
    '-5',
    '-',
    '@user',
    "'90s vibe",
    'TRUE',
    'false',
    '1/2/2026',
    '2026-01-02',
    '12:30',
    '3 pm',
    'May 5',
    '50%',
    '$19.99',
    '1,234.5',
    ' 7 ',
    '1.5e3',
    '0042',
    'Done',
    'Generating 3/6',
    'Failed: Gemini refused the image (safety filter).',
    'A serum for dry skin, 30 ml',
    '',
  ])('%j', (text) => {
    const result = stored(textInput(text));
    expect(result.formula).toBeUndefined();
    expect(result.value).toBe(text);
  });

  it('escapes what Sheets would read as a formula, number, boolean or date', () => {
    for (const text of ['=1+1', '+33 6 12', '-5', '@user', 'TRUE', '1/2/2026', "'quoted", 'Jan 2026']) {
      expect(needsTextEscape(text)).toBe(true);
    }
    // Without the escape these would not stay text: the test above would catch a missing escape.
    expect(stored('=1+1').formula).toBe('=1+1');
    expect(stored('+33 6 12').formula).toBe('=+33 6 12');
    expect(stored('-5').value).toBe(-5);
    expect(stored('TRUE').value).toBe(true);
    expect(stored("'quoted").value).toBe('quoted');
  });

  it('leaves ordinary sentences alone', () => {
    for (const text of ['Ready', 'Done', 'Generating 3/6', 'Invalid link: this is not a link.']) {
      expect(needsTextEscape(text)).toBe(false);
      expect(textInput(text)).toBe(text);
    }
  });

  it('cuts text longer than a cell can hold, and says so', () => {
    const long = 'x'.repeat(CELL_TEXT_LIMIT + 10);
    const fitted = fitCellText(long);
    expect(fitted.length).toBeLessThan(CELL_TEXT_LIMIT);
    expect(fitted).toMatch(/cut: too long for one cell\)$/);
    expect(textInput('=' + long).length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  });
});
