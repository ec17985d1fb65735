import { describe, expect, it } from 'vitest';
import { mondayOf } from './week';

describe('mondayOf', () => {
  it('names the Monday of the ISO week', () => {
    expect(mondayOf(new Date(2026, 10, 27, 18))).toBe('2026-11-23'); // a Friday
    expect(mondayOf(new Date(2026, 10, 23, 0, 5))).toBe('2026-11-23'); // the Monday itself
    expect(mondayOf(new Date(2026, 10, 29, 23))).toBe('2026-11-23'); // Sunday ends the week
    expect(mondayOf(new Date(2027, 0, 1))).toBe('2026-12-28'); // across the new year
  });
});
