import { describe, expect, it } from 'vitest';
import { ALL_OBJECTIVES, NORWEGIAN_AREAS, NORWEGIAN_OBJECTIVES, objectiveByCode, SWEDISH_OBJECTIVES } from './environmental-objectives.js';

describe('environmental objectives', () => {
  it('has Sweden’s 16 quality objectives and the generation goal, named in Swedish and English', () => {
    expect(SWEDISH_OBJECTIVES.filter((o) => o.area === 'quality')).toHaveLength(16);
    expect(SWEDISH_OBJECTIVES.filter((o) => o.area === 'generation')).toHaveLength(1);
    expect(objectiveByCode('se-01')?.name).toEqual({ sv: 'Begränsad klimatpåverkan', en: 'Reduced Climate Impact' });
    expect(objectiveByCode('se-16')?.name.sv).toBe('Ett rikt växt- och djurliv');
  });

  it('has Norway’s goals in its six result areas', () => {
    expect(new Set(NORWEGIAN_OBJECTIVES.map((o) => o.area))).toEqual(new Set(Object.keys(NORWEGIAN_AREAS)));
    expect(NORWEGIAN_OBJECTIVES.every((o) => o.name.nb && o.name.en)).toBe(true);
  });

  it('has unique, stable codes', () => {
    const codes = ALL_OBJECTIVES.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^(se-(\d{2}|gen)|no-\d\.\d)$/.test(code))).toBe(true);
  });
});
