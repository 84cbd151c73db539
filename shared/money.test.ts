import { describe, expect, it } from 'vitest';
import { formatMoney, formatTableAmount, parseAmount } from './money.js';

describe('parseAmount', () => {
  it.each([
    ['420 000', 42_000_000],
    ['18\u00a0000 kr', 1_800_000],
    ['1\u202f324\u00a0601', 132_460_100],
    ['1324601', 132_460_100],
    ['77 600 kr', 7_760_000],
    ['18 000,00', 1_800_000],
    ['12,50', 1_250],
    ['-5 000', -500_000],
    ['−5 000 kr', -500_000],
    ['500:-', 50_000],
    ['1 000 NOK', 100_000],
  ])('reads %j as %d minor units', (text, minor) => {
    expect(parseAmount(text)).toBe(minor);
  });

  it('treats an empty cell as no amount', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('  kr ')).toBeNull();
  });

  it.each(['12,5', 'abc', '1 00 000', '12.5', '1,000,000', '12,505', 'ca 5 000'])('does not guess %j', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });
});

describe('formatTableAmount', () => {
  it('writes thousands with plain spaces and öre only when present', () => {
    expect(formatTableAmount(132_460_100)).toBe('1 324 601');
    expect(formatTableAmount(1_250)).toBe('12,50');
    expect(formatTableAmount(-500_000)).toBe('-5 000');
    expect(formatTableAmount(0)).toBe('0');
  });

  it('round-trips through parseAmount', () => {
    for (const minor of [0, 5, 99, 100, 123_456_789, -42_00]) expect(parseAmount(formatTableAmount(minor))).toBe(minor);
  });
});

describe('formatMoney', () => {
  it('uses the reader’s conventions and shows foreign currencies by code', () => {
    expect(formatMoney(7_760_000, 'SEK', 'sv').replace(/\s/g, ' ')).toBe('77 600 kr');
    expect(formatMoney(7_500_000, 'NOK', 'sv').replace(/\s/g, ' ')).toBe('75 000 NOK');
    expect(formatMoney(7_500_000, 'NOK', 'nb').replace(/\s/g, ' ')).toBe('75 000 kr');
    expect(formatMoney(1_250, 'EUR', 'en')).toBe('€12.50');
  });
});
