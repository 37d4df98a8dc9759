/**
 * Colours on the Status column, as conditional format rules ("text starts with Done" → green), so a
 * status keeps its colour wherever the row moves and whoever writes it. Set up sheet replaces the rules
 * it made before, found by their condition, and leaves Jenny's own rules alone: running it again never
 * stacks a second copy.
 */

interface Tone {
  readonly background: string;
  readonly fontColor: string;
  /** First words of the statuses in this colour. */
  readonly starts: readonly string[];
}

const TONES: readonly Tone[] = [
  { background: '#d9ead3', fontColor: '#274e13', starts: ['Done'] },
  {
    background: '#f4cccc',
    fontColor: '#990000',
    starts: ['Failed', 'Stopped', 'Invalid', 'Duplicate', 'Missing', 'Over the batch limit'],
  },
  {
    background: '#fff2cc',
    fontColor: '#7f6000',
    starts: [
      'Queued',
      'Working',
      'Fetching',
      'Analyzing',
      'Writing',
      'Generating',
      'Saving',
      'Retrying',
      'Waiting',
    ],
  },
  { background: '#efefef', fontColor: '#666666', starts: ['Paused', 'Cancelled'] },
];

const OUR_STARTS = new Set(TONES.flatMap((tone) => tone.starts.map((start) => start.toLowerCase())));

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** Our rules over rows 2 to the end of the Status column, after the sheet's other rules. */
export function applyStatusColours(sheet: Sheet, statusColumn: number): void {
  const others = sheet.getConditionalFormatRules().filter((rule) => !isStatusColourRule(rule));
  const statusCells = sheet.getRange(2, statusColumn, sheet.getMaxRows() - 1, 1);
  const ours = TONES.flatMap((tone) =>
    tone.starts.map((start) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextStartsWith(start)
        .setBackground(tone.background)
        .setFontColor(tone.fontColor)
        .setRanges([statusCells])
        .build(),
    ),
  );
  sheet.setConditionalFormatRules([...others, ...ours]);
}

function isStatusColourRule(rule: Rule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  if (String(condition.getCriteriaType()) !== 'TEXT_STARTS_WITH') return false;
  return OUR_STARTS.has(String(condition.getCriteriaValues()[0] ?? '').toLowerCase());
}
