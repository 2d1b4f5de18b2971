/**
 * Finished blocks in groups that keep their identity while unchanged, and tail blocks in the
 * group they will finish in (issue 17, bench M5).
 */
import { describe, expect, it } from 'vitest';
import { groupBlocks, tailGroups } from '@/lib/markdown/block-groups';

const blocks = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));

describe('groupBlocks', () => {
  it('cuts the blocks into groups of the size, in order, nothing lost', () => {
    const all = blocks(10);
    const groups = groupBlocks(all, [], 4);
    expect(groups.map((g) => g.length)).toEqual([4, 4, 2]);
    expect(groups.flat()).toEqual(all);
    expect(groupBlocks([], [], 4)).toEqual([]);
  });

  it('a group whose blocks are the same objects keeps its array; a changed one does not', () => {
    const all = blocks(10);
    const first = groupBlocks(all, [], 4);
    const grown = [...all, { i: 10 }];
    const second = groupBlocks(grown, first, 4);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    expect(second[2]).toEqual([{ i: 8 }, { i: 9 }, { i: 10 }]);
    // An earlier block replaced (its references changed): only its group is new.
    const edited = [...grown];
    edited[5] = { i: 5 };
    const third = groupBlocks(edited, second, 4);
    expect(third[0]).toBe(second[0]);
    expect(third[1]).not.toBe(second[1]);
    expect(third[2]).toBe(second[2]);
  });
});

describe('tailGroups', () => {
  it('puts each tail block in the group it will belong to once finished', () => {
    expect(tailGroups(5, ['a'], 4)).toEqual([undefined, ['a']]);
    expect(tailGroups(7, ['a', 'b'], 4)).toEqual([undefined, ['a'], ['b']]);
    expect(tailGroups(0, ['a', 'b'], 4)).toEqual([['a', 'b']]);
    expect(tailGroups(3, [], 4)).toEqual([]);
  });

  it("keeps the streaming pieces of one block in that block's group", () => {
    const joins = (block: string) => block.endsWith('+');
    expect(tailGroups(3, ['a+', 'a+', 'a', 'b'], 4, joins)).toEqual([['a+', 'a+', 'a'], ['b']]);
  });
});
