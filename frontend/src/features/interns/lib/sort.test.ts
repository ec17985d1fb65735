import { describe, expect, it } from 'vitest';
import { byConcern } from './sort';

const p = (intern_name: string, health: 'on_track' | 'at_risk' | 'off_track', elapsed_pct: number, progress_pct: number) => ({ intern_name, health, elapsed_pct, progress_pct });

describe('byConcern', () => {
  it('puts off-track, then at-risk interns first, the widest lag first, then by name', () => {
    const sorted = [
      p('Ana', 'on_track', 50, 50),
      p('Ben', 'at_risk', 60, 40),
      p('Cleo', 'off_track', 80, 30),
      p('Dan', 'at_risk', 70, 30),
      p('Eve', 'on_track', 50, 50),
    ].sort(byConcern).map((x) => x.intern_name);
    expect(sorted).toEqual(['Cleo', 'Dan', 'Ben', 'Ana', 'Eve']);
  });
});
