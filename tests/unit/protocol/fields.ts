// Table helpers: every field of a valid sample, at any depth, removed and given a wrong type.

type Path = (string | number)[];

/** A value of another type than `value` (so a check of the field's type must refuse it). */
export function wrongType(value: unknown): unknown {
  // null stands for "none" beside a string (a parent id), so a number is the wrong type there.
  if (typeof value === 'string' || value === null) return 1;
  if (typeof value === 'number' || typeof value === 'boolean') return 'x';
  if (Array.isArray(value)) return {};
  return 'x';
}

/** Every field path of `value`: object keys (except `type` at the top) and each array's first item. */
export function fieldPaths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value))
    return value.length ? [[...at, 0], ...fieldPaths(value[0], [...at, 0])] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    at.length === 0 && key === 'type' ? [] : [[...at, key], ...fieldPaths(child, [...at, key])],
  );
}

/** `sample` with the value at `path` replaced by `make(old)`, or removed when it returns undefined. */
export function edit(sample: unknown, path: Path, make: (old: unknown) => unknown): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const next = make(parent[last]);
  if (next === undefined) delete parent[last];
  else parent[last] = next;
  return copy;
}

/** The path as text for a test's name (`messages.0.state.kind`). */
export const named = (path: Path) => path.join('.');
