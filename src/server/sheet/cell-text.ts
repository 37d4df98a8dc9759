/**
 * Text written with setValue/setValues is parsed as if typed: "=1+1" becomes a formula, "+33 6 12" a
 * formula too, "-5" a number, "TRUE" a boolean, "1/2/2026" a date. Text from Jenny, TikTok or Gemini
 * must land as the text it is, so it gets Sheets' own escape: a leading apostrophe, which Sheets strips
 * and which makes the rest text (the apostrophe is not part of the stored value).
 *
 * Rich text values (setRichTextValue) are never parsed; the adapter uses them where it writes links.
 */

/** Sheets refuses a cell longer than this. */
export const CELL_TEXT_LIMIT = 50_000;

/** Characters that make typed input a formula (=, + and - before a non-number, @ for a named function),
 * and the apostrophe itself, which Sheets would otherwise swallow. */
const FORMULA_OR_ESCAPE_START = /^[=+\-@']/;

/** Words Sheets reads as part of a date or time ("May 5", "Mon 3 pm"). */
const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|a\.?m\.?|p\.?m\.?)\b/gi;

/** What is left of a number, percentage, currency amount, date or time once date words are gone. */
const NUMERIC_SHAPE = /^[\d\s.,:/\-+()%$€£¥eE]*$/;

/**
 * True when Sheets could read the text as something other than text: a formula, a number, a percentage,
 * an amount, a date, a time or a boolean. Errs on the side of true: escaping plain text changes nothing.
 */
export function needsTextEscape(text: string): boolean {
  if (FORMULA_OR_ESCAPE_START.test(text)) return true;
  const trimmed = text.trim();
  if (/^(?:true|false)$/i.test(trimmed)) return true;
  const rest = trimmed.replace(DATE_WORDS, '');
  return /\d/.test(rest) && NUMERIC_SHAPE.test(rest);
}

/** Cuts text that Sheets would refuse, saying so at the end. */
export function fitCellText(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const marker = '… (cut: too long for one cell)';
  return text.slice(0, CELL_TEXT_LIMIT - marker.length - 1) + marker;
}

/** The input to give setValue/setValues so that the cell holds exactly `text`, as text. */
export function textInput(text: string): string {
  const fitted = fitCellText(text);
  return needsTextEscape(fitted) ? `'${fitted}` : fitted;
}
