import { runInNewContext } from 'node:vm';
import { formulaValue, parseInput } from '../../../emulator/services/spreadsheet';

describe('parseInput: typed input as Sheets parses it', () => {
  it.each([
    ['123', 123],
    ['-5', -5],
    ['+5', 5],
    ['1.5e3', 1500],
    ['.5', 0.5],
    [' 7 ', 7],
    ['1,234.5', 1234.5],
    ['007', 7],
  ])('reads %p as the number %p', (input, expected) => {
    expect(parseInput(input, undefined)).toEqual({ value: expected });
  });

  it.each([
    ['TRUE', true],
    ['false', false],
    ['True', true],
  ])('reads %p as the boolean %p', (input, expected) => {
    expect(parseInput(input, undefined)).toEqual({ value: expected });
  });

  it.each(['hello', '12 apples', '1,23', '-', '+', '=', '2026-11-22', '50%', 'Infinity', ''])(
    'keeps %p as text',
    (input) => {
      expect(parseInput(input, undefined)).toEqual({ value: input });
    },
  );

  it('turns =... into a formula', () => {
    expect(parseInput('=SUM(A1:A3)', undefined)).toEqual({ value: '#NAME?', formula: '=SUM(A1:A3)' });
  });

  it('turns +text and -text into a formula, as Sheets treats typed +A1/-A1', () => {
    expect(parseInput('+A1', undefined)).toEqual({ value: '#NAME?', formula: '=+A1' });
    expect(parseInput('-cmd|calc', undefined)).toEqual({ value: '#NAME?', formula: '=-cmd|calc' });
  });

  it('stores the text after a leading apostrophe and never parses it', () => {
    expect(parseInput('\'=HYPERLINK("http://x")', undefined)).toEqual({ value: '=HYPERLINK("http://x")' });
    expect(parseInput("'123", undefined)).toEqual({ value: '123' });
    expect(parseInput("'", undefined)).toEqual({ value: '' });
  });

  it('stores strings verbatim in a plain-text (@) cell', () => {
    expect(parseInput('=1+1', '@')).toEqual({ value: '=1+1' });
    expect(parseInput('007', '@')).toEqual({ value: '007' });
    expect(parseInput('TRUE', '@')).toEqual({ value: 'TRUE' });
    expect(parseInput('+A1', '@')).toEqual({ value: '+A1' });
  });

  it('strips the apostrophe even in a plain-text cell', () => {
    expect(parseInput("'x", '@')).toEqual({ value: 'x' });
  });

  it('keeps numbers, booleans and Dates as they are', () => {
    expect(parseInput(42, '@')).toEqual({ value: 42 });
    expect(parseInput(false, undefined)).toEqual({ value: false });
    const date = new Date(Date.UTC(2026, 0, 2));
    const parsed = parseInput(date, undefined);
    expect(parsed.value).toEqual(date);
    expect(parsed.value).not.toBe(date);
  });

  it('clears the cell for null and undefined', () => {
    expect(parseInput(null, undefined)).toEqual({ value: '' });
    expect(parseInput(undefined, undefined)).toEqual({ value: '' });
  });

  it('recognises a Date from another realm', () => {
    const foreign: unknown = runInNewContext('new Date(0)');
    expect(parseInput(foreign, undefined).value).toEqual(new Date(0));
  });
});

describe('formulaValue: the placeholder value of an unevaluated formula', () => {
  it('is the label of a HYPERLINK', () => {
    expect(formulaValue('=HYPERLINK("https://example.com/a","Open")')).toBe('Open');
    expect(formulaValue('=hyperlink("https://example.com/a"; "Open")')).toBe('Open');
  });

  it('is the url of a HYPERLINK without a label', () => {
    expect(formulaValue('=HYPERLINK("https://example.com/a")')).toBe('https://example.com/a');
  });

  it('unescapes doubled quotes in the label', () => {
    expect(formulaValue('=HYPERLINK("u","say ""hi""")')).toBe('say "hi"');
  });

  it('is the literal of a constant formula', () => {
    expect(formulaValue('="text"')).toBe('text');
    expect(formulaValue('=12.5')).toBe(12.5);
    expect(formulaValue('=true')).toBe(true);
  });

  it('is #NAME? for anything else', () => {
    expect(formulaValue('=A1*2')).toBe('#NAME?');
    expect(formulaValue('=HYPERLINK(A1,"x")')).toBe('#NAME?');
  });
});
