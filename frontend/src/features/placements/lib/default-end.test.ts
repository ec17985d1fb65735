import { describe, expect, it } from 'vitest';
import { defaultEndDate } from './default-end';

describe('defaultEndDate', () => {
  it('is the day before the same day six months later, as the server computes it', () => {
    expect(defaultEndDate('2026-03-02')).toBe('2026-09-01');
    expect(defaultEndDate('2026-01-01')).toBe('2026-06-30');
    expect(defaultEndDate('2025-08-31')).toBe('2026-02-28');
    expect(defaultEndDate('2027-08-30')).toBe('2028-02-29');
    expect(defaultEndDate('nope')).toBeUndefined();
  });
});
