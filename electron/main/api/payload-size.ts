/**
 * Bounds the size of an untrusted input before any schema runs, so a renderer cannot make main
 * walk or copy a huge structure. Counts a UTF-8 upper bound and stops as soon as the limit is passed.
 */
const MAX_DEPTH = 32;

export function exceedsSize(value: unknown, limitBytes: number): boolean {
  let total = 0;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return true;
    if (typeof v === 'string') total += v.length * 3 + 2;
    else if (v === null || v === undefined || typeof v === 'boolean') total += 4;
    else if (typeof v === 'number' || typeof v === 'bigint') total += 8;
    else if (ArrayBuffer.isView(v)) total += v.byteLength;
    else if (v instanceof ArrayBuffer) total += v.byteLength;
    else if (typeof v === 'object') {
      const keys = Object.keys(v);
      total += 2 + keys.length;
      for (const key of keys) {
        total += key.length * 3 + 3;
        if (total > limitBytes) return true;
        stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1 });
      }
    } else total += 8;
    if (total > limitBytes) return true;
  }
  return false;
}
