import { afterEach, describe, expect, it } from 'vitest';
import { dateErrorDays } from '../../src/scoring/rules.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';
import { fixtureRows, scoringFixture } from './_helpers/fixture.js';

const originalTz = process.env.TZ;

describe('dateErrorDays', () => {
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('is positive when the event came later than estimated and negative when earlier', () => {
    expect(dateErrorDays('2025-03-01', '2025-03-15')).toBe(14);
    expect(dateErrorDays('2025-03-15', '2025-03-01')).toBe(-14);
    expect(dateErrorDays('2025-03-15', '2025-03-15')).toBe(0);
  });

  it('counts calendar days across leap days and years (hand-worked)', () => {
    // 2024 is a leap year: 28 Feb → 29 Feb → 1 Mar = 2 days; 2025 is not: 1 day
    expect(dateErrorDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(dateErrorDays('2025-02-28', '2025-03-01')).toBe(1);
    // 2030-10-08 − 2025-10-08: 5 years with one 29 Feb (2028) = 5 × 365 + 1 = 1826
    expect(dateErrorDays('2025-10-08', '2030-10-08')).toBe(1826);
    // years below 100 are read literally, not as 19xx
    expect(dateErrorDays('0099-12-31', '0100-01-01')).toBe(1);
  });

  it('mirrors its @example', () => {
    expect(dateErrorDays('2025-03-01', '2025-03-15')).toBe(14);
    expect(dateErrorDays('2025-03-15', '2025-03-01')).toBe(-14);
    expect(dateErrorDays('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('reads a Date by its UTC calendar date', () => {
    expect(dateErrorDays(new Date('2025-03-01T00:00:00Z'), '2025-03-15')).toBe(14);
    // 23:30 at UTC−5 on 15 March is 04:30 UTC on 16 March
    expect(dateErrorDays('2025-03-01', new Date('2025-03-15T23:30:00-05:00'))).toBe(15);
  });

  it.each(['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Pago_Pago'])(
    'gives the same answer in time zone %s, across daylight-saving changes',
    (tz) => {
      process.env.TZ = tz;
      expect(dateErrorDays('2025-03-08', '2025-03-10')).toBe(2); // US DST starts 9 March
      expect(dateErrorDays('2025-03-29', '2025-03-31')).toBe(2); // EU DST starts 30 March
      expect(dateErrorDays('2025-10-25', '2025-11-03')).toBe(9); // EU and US DST end
      expect(dateErrorDays(new Date('2025-03-30T00:00:00Z'), new Date('2025-03-31T00:00:00Z'))).toBe(1);
      for (const c of scoringFixture().dateErrorDays.slice(0, 40)) expect(dateErrorDays(c.estimate, c.actual)).toBe(c.expected);
    },
  );

  describe('against Python datetime (fixture)', () => {
    it.each(fixtureRows('dateErrorDays'))('%s matches (actual − estimate).days', (_, c) => {
      expect(dateErrorDays(c.estimate, c.actual)).toBe(c.expected);
    });
  });

  describe('invalid input', () => {
    it.each(['2025-02-30', '2025-13-01', '2025-3-1', '2025-03-01T10:00:00Z', '', 20250301 as unknown as string, new Date(Number.NaN)])(
      'rejects %s',
      (value) => {
        expectLedgerError(() => dateErrorDays(value, '2025-03-01'));
        expectLedgerError(() => dateErrorDays('2025-03-01', value));
      },
    );

    it('says which argument is wrong and what it expected', () => {
      const error = expectLedgerError(() => dateErrorDays('2025-03-01', '2025-02-30'));
      expect(error.message).toMatchInlineSnapshot(`"dateErrorDays: expected actual to be a real calendar date, received "2025-02-30""`);
      const timestamp = expectLedgerError(() => dateErrorDays('2025-03-01T10:00:00Z', '2025-03-01'));
      expect(timestamp.message).toMatchInlineSnapshot(
        `"dateErrorDays: expected estimate to be an ISO date "YYYY-MM-DD" or a valid Date, received "2025-03-01T10:00:00Z""`,
      );
    });
  });
});
