import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, impossibleDate, isValidDate, isValidTime, minutesOfDay, timeOfDay } from './dates.js';

describe('dates', () => {
  it('knows real calendar dates, leap years included', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2027-02-29')).toBe(false);
    expect(isValidDate('2027-02-30')).toBe(false);
    expect(isValidDate('2027-13-01')).toBe(false);
    expect(isValidDate('2027-1-01')).toBe(false);
    expect(isValidDate('20270101')).toBe(false);
  });

  it('knows clock times', () => {
    expect(isValidTime('09:20')).toBe(true);
    expect(isValidTime('24:00')).toBe(false);
    expect(isValidTime('9:20')).toBe(false);
    expect(minutesOfDay('09:20')).toBe(560);
    expect(timeOfDay(560)).toBe('09:20');
  });

  it('adds and counts days across month ends', () => {
    expect(addDays('2027-01-25', 14)).toBe('2027-02-08');
    expect(daysBetween('2028-02-20', '2028-03-01')).toBe(10);
  });
});

describe('impossibleDate: a date-shaped text naming a day the calendar does not have', () => {
  // Issue 17 U1: the class is every impossible calendar date, written any way the app reads dates.
  it.each([
    ['2027-02-30', '2027-02-30'],
    ['2027-02-29', '2027-02-29'],
    ['2026-02-29', '2026-02-29'],
    ['2027-04-31', '2027-04-31'],
    ['2100-02-29', '2100-02-29'],
    ['2027/2/30', '2027-02-30'],
    ['20270230', '2027-02-30'],
    ['30.2.2027', '2027-02-30'],
    ['31/04/2027', '2027-04-31'],
    ['31 4 2027', '2027-04-31'],
  ])('%j is no date: %j', (text, iso) => {
    expect(impossibleDate(text)).toBe(iso);
  });

  it.each(['2028-02-29', '2000-02-29', '2027-12-31', '', 'snart', '2027-03', '15 mars 2027', '2027-03-15T00:00'])('%j is not an impossible date', (text) => {
    expect(impossibleDate(text)).toBeNull();
  });

  // Issue 17 follow-up: a month or day out of range is unreadable text (the format message),
  // never "the date 2027-15-03 does not exist" — in every shape dateParts reads.
  it.each([
    ['2027-13-01'],
    ['2027-00-10'],
    ['2027-01-00'],
    ['2027-01-32'],
    ['2027/15/3'],
    ['20271503'],
    ['03/15/2027'],
    ['12/31/2027'],
    ['15.13.2027'],
    ['0.3.2027'],
    ['32/01/2027'],
    ['31 13 2027'],
  ])('%j has a month or day out of range: not a date that does not exist', (text) => {
    expect(impossibleDate(text)).toBeNull();
  });

  it('every shape, every month/day 0..40 of a leap and a common year: named only when month and day are in range and the day is missing', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    for (const year of [2027, 2028]) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 40; day += 1) {
          const iso = `${year}-${pad(month)}-${pad(day)}`;
          const inRange = month >= 1 && month <= 12 && day >= 1 && day <= 31;
          const expected = inRange && !isValidDate(iso) ? iso : null;
          for (const text of [iso, `${year}/${month}/${day}`, `${year}${pad(month)}${pad(day)}`, `${day}.${month}.${year}`, `${pad(day)}/${pad(month)}/${year}`]) {
            expect(impossibleDate(text), text).toBe(expected);
            // Never a transposed or out-of-range date shown to a user.
            if (expected !== null) expect(Number(expected.slice(5, 7))).toBeLessThanOrEqual(12);
          }
        }
      }
    }
  });
});
