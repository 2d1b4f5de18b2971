/**
 * Finished blocks in fixed groups of GROUP_SIZE, so a streaming update re-renders one group (the
 * one the tail belongs to) and compares one memo per other group, instead of one per block: the
 * work per update stops growing with the reply (bench M5). The browser gets the same grouping as
 * one wrapper per group, which keeps the per-frame cost of skipping off-screen content
 * (content-visibility) proportional to the groups, not the blocks.
 */

/** Blocks per group: large enough that a long reply has few groups, small enough to re-render. */
export const GROUP_SIZE = 16;

/**
 * `blocks` cut into groups of `size`, reusing each array of `previous` whose blocks are the same
 * objects: a group whose blocks did not change keeps its identity (and its memoised render).
 */
export function groupBlocks<T>(
  blocks: readonly T[],
  previous: readonly (readonly T[])[] = [],
  size = GROUP_SIZE,
): (readonly T[])[] {
  const groups: (readonly T[])[] = [];
  for (let start = 0; start < blocks.length; start += size) {
    const end = Math.min(blocks.length, start + size);
    const before = previous[groups.length];
    const same =
      before !== undefined &&
      before.length === end - start &&
      before.every((block, i) => block === blocks[start + i]);
    groups.push(same ? before : blocks.slice(start, end));
  }
  return groups;
}

/**
 * Which group each tail block belongs to: the one it will be in once finished (its index after
 * the `finished` blocks), so finishing never moves a block to another group (or remounts it). The
 * streaming pieces of one block (`joinsNext` true on all but its last) stay in that block's group.
 */
export function tailGroups<T>(
  finished: number,
  tail: readonly T[],
  size = GROUP_SIZE,
  joinsNext: (block: T) => boolean = () => false,
): T[][] {
  const byGroup: T[][] = [];
  let index = finished;
  tail.forEach((block) => {
    (byGroup[Math.floor(index / size)] ??= []).push(block);
    if (!joinsNext(block)) index++;
  });
  return byGroup;
}
