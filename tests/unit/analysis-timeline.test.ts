// The time axis of the person and post pages: dates of mixed precision as day numbers, and where
// a span sits on an axis shared by every post.
import { describe, expect, it } from 'vitest';
import { dayOf, spanOn, timeAxis } from '../../src/ui/lib/timeline';

describe('person and post timelines', () => {
  it('reads a year or a month as its first day, or as its last when it ends a span', () => {
    expect(dayOf('2026-01-01')).toBe(dayOf('2026'));
    expect(dayOf('2026', true)).toBe(dayOf('2026-12-31'));
    expect(dayOf('2024-02', true)).toBe(dayOf('2024-02-29'));
    expect(dayOf('June')).toBeNaN();
  });

  it('places spans on one axis with year ticks, a one-day span still visible', () => {
    const axis = timeAxis([{ first: '2023-08-25', last: null }, { first: '2026', last: '2026-05-30' }])!;
    expect(axis.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    const early = spanOn(axis, '2023-08-25', null);
    const late = spanOn(axis, '2026', '2026-05-30');
    expect(early.left).toBeGreaterThan(0);
    expect(early.width).toBeGreaterThanOrEqual(1.2);
    expect(late.left).toBeGreaterThan(early.left + early.width);
    expect(late.left + late.width).toBeLessThanOrEqual(100);
    expect(timeAxis([{ first: null, last: null }])).toBeNull();
  });
});
