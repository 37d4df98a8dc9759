import { AUTOMATIC_FORMAT, displayValue } from '../../../emulator/services/spreadsheet';

const show = (value: Parameters<typeof displayValue>[0], format?: string, tz = 'Etc/GMT') =>
  displayValue(value, format, tz);

describe('displayValue', () => {
  it('shows empty, text and booleans as Sheets does', () => {
    expect(show('')).toBe('');
    expect(show('abc')).toBe('abc');
    expect(show(true)).toBe('TRUE');
    expect(show(false)).toBe('FALSE');
  });

  it('shows numbers under the automatic format', () => {
    expect(show(42, AUTOMATIC_FORMAT)).toBe('42');
    expect(show(1.5)).toBe('1.5');
    expect(show(0.1 + 0.2)).toBe('0.3');
    expect(show(1 / 3)).toBe('0.3333333333');
    expect(show(1.5e21)).toBe('1.5E+21');
    expect(show(-7)).toBe('-7');
  });

  it.each([
    [3.14159, '0', '3'],
    [3.14159, '0.00', '3.14'],
    [2, '0.00', '2.00'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [1234567, '#,##0', '1,234,567'],
    [0.256, '0%', '26%'],
    [0.256, '0.00%', '25.60%'],
    [1.5, '0.0#', '1.5'],
    [1.256, '0.0#', '1.26'],
    [-0.001, '0.00', '0.00'],
    [-2.5, '0.0', '-2.5'],
    [42, '@', '42'],
  ])('shows %p under %p as %p', (value, format, expected) => {
    expect(show(value, format)).toBe(expected);
  });

  it('shows Dates as yyyy-MM-dd HH:mm:ss in the spreadsheet time zone', () => {
    const date = new Date(Date.UTC(2026, 10, 22, 12, 5, 9));
    expect(show(date)).toBe('2026-11-22 12:05:09');
    expect(show(date, undefined, 'America/New_York')).toBe('2026-11-22 07:05:09');
  });

  it('applies date formats, reading m as minutes next to hours or seconds', () => {
    const date = new Date(Date.UTC(2026, 0, 5, 14, 7, 3));
    expect(show(date, 'yyyy-mm-dd')).toBe('2026-01-05');
    expect(show(date, 'M/d/yyyy H:mm:ss')).toBe('1/5/2026 14:07:03');
    expect(show(date, 'hh:mm am/pm')).toBe('02:07 PM');
    expect(show(date, 'dd"."MM"."yy')).toBe('05.01.26');
  });

  it('applies a date format to a number as a Sheets serial day', () => {
    expect(show(46000, 'yyyy-mm-dd')).toBe('2025-12-09');
  });

  it('applies a numeric format to a Date as a serial day', () => {
    expect(show(new Date(Date.UTC(1899, 11, 31, 12)), '0.0')).toBe('1.5');
  });
});
