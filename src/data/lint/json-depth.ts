// How deep a data file's JSON nests, found without recursion: the rules walk files recursively, and a file
// nested thousands of levels deep (a paste gone wrong, a generator bug) would overflow the stack instead of
// being named. No data file needs more than a handful of levels (a model preset's config, the deepest, has
// about five).

/** Deeper than this, a data file is reported (rule json-depth) and no other rule reads it. */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests arrays/objects more than `max` levels deep. Iterative, so it cannot overflow. */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
