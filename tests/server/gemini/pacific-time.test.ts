import { nextPacificMidnight } from '../../../src/server/gemini/pacific-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('nextPacificMidnight', () => {
  it.each([
    ['winter noon (PST, UTC-8)', '2026-11-22T20:00:00.000Z', '2026-11-23T08:00:00.000Z'],
    ['summer noon (PDT, UTC-7)', '2026-07-04T19:00:00.000Z', '2026-07-05T07:00:00.000Z'],
    ['one second before midnight', '2026-11-23T07:59:59.000Z', '2026-11-23T08:00:00.000Z'],
    ['exactly midnight: the next one', '2026-11-23T08:00:00.000Z', '2026-11-24T08:00:00.000Z'],
    ['late evening, already the next day in UTC', '2026-01-15T06:30:00.000Z', '2026-01-15T08:00:00.000Z'],
    ['the evening before spring forward', '2026-03-08T07:30:00.000Z', '2026-03-08T08:00:00.000Z'],
    [
      'the day of spring forward: next midnight is PDT',
      '2026-03-08T10:00:00.000Z',
      '2026-03-09T07:00:00.000Z',
    ],
    [
      'the evening before fall back: midnight is still PDT',
      '2026-10-31T20:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ],
    ['the day of fall back: next midnight is PST', '2026-11-01T08:30:00.000Z', '2026-11-02T08:00:00.000Z'],
    ['new year', '2026-12-31T20:00:00.000Z', '2027-01-01T08:00:00.000Z'],
  ])('%s', (_name, now, expected) => {
    expect(iso(nextPacificMidnight(Date.parse(now)))).toBe(expected);
  });

  it('is always in the future and at most a day (25 hours on fall back) away', () => {
    for (let now = Date.UTC(2026, 0, 1); now < Date.UTC(2027, 0, 1); now += 3 * 3_600_000 + 17_000) {
      const next = nextPacificMidnight(now);
      expect(next).toBeGreaterThan(now);
      expect(next - now).toBeLessThanOrEqual(25 * 3_600_000);
    }
  });
});
