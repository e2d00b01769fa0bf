import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSearchParts } from '../../src/site/search-parts.ts';

const change = (id: string, firstActivity: string | null) => ({ id, slug: id.toLowerCase(), firstActivity });

describe('planSearchParts', () => {
  it('puts the signature pages in the site’s own index and the changes in parts, in order of appearance', () => {
    const changes = [
      change('I5', '2017-05-01 10:00:00'),
      change('I1', '2017-01-01 10:00:00'),
      change('I0', null),
      change('I3', '2017-03-01 10:00:00'),
      change('I2', '2017-03-01 10:00:00'),
      change('I4', '2017-04-01 10:00:00'),
      change('I6', '2017-06-01 10:00:00'),
    ];
    expect(planSearchParts(changes, ['ctest-a', 'gtest-b'], { large: 4, small: 2 })).toEqual([
      { path: '', pages: ['failures/ctest-a/index.html', 'failures/gtest-b/index.html', 'changes/i6/index.html'] },
      {
        path: 'part/c0/',
        pages: ['changes/i0/index.html', 'changes/i1/index.html', 'changes/i2/index.html', 'changes/i3/index.html'],
      },
      { path: 'part/c4/', pages: ['changes/i4/index.html', 'changes/i5/index.html'] },
    ]);
    // A last large part is a part of its own: the next change starts the small part that fills up.
    expect(planSearchParts(changes.slice(0, 4), [], { large: 4, small: 2 }).map((part) => part.path)).toEqual([
      '',
      'part/c0/',
    ]);
  });

  it('leaves the parts of older changes as they were when newer changes come', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 20 }), (old, added) => {
        const dated = (at: number) =>
          change(`I${String(at).padStart(3, '0')}`, `2017-01-01 00:00:${String(at).padStart(3, '0')}`);
        const before = planSearchParts(
          Array.from({ length: old }, (_, at) => dated(at)),
          [],
          { large: 16, small: 4 },
        );
        const after = planSearchParts(
          Array.from({ length: old + added }, (_, at) => dated(at)),
          [],
          { large: 16, small: 4 },
        );
        // Every part of older changes of the earlier plan is a part of the later one, or (small parts that filled
        // a large one) inside one; and every change is in exactly one part.
        const kept = after.map((part) => JSON.stringify(part));
        for (const part of before.slice(1)) {
          const whole = kept.includes(JSON.stringify(part));
          const inside = after.some(
            (later) => later.path.length > 0 && part.pages.every((page) => later.pages.includes(page)),
          );
          expect(whole || inside).toBe(true);
        }
        expect(after.flatMap((part) => part.pages)).toHaveLength(old + added);
      }),
    );
  });

  it('has only the site’s own index when there are no changes', () => {
    expect(planSearchParts([], [])).toEqual([{ path: '', pages: [] }]);
  });
});
