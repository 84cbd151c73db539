import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isValidDate, isValidTime, minutesOfDay, timeOfDay } from './dates.js';

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
