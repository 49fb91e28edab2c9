// Names close to a typed one ("王秀" → 王秀英): the roster's answer to a typo. Pure.

/** Edit distance, stopping early once it exceeds `max` (names are short; this is per character, not byte). */
export function editDistance(a: string, b: string, max = 2): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The candidates near `typed`, closest first: one character off (changed, missing or extra), or
 * one name the start of the other. A one-character name is too short to guess from.
 */
export function nearNames<T extends { name: string }>(typed: string, candidates: readonly T[], limit = 5): T[] {
  const name = typed.trim().normalize('NFKC');
  if ([...name].length < 2) return [];
  const scored: Array<{ c: T; score: number }> = [];
  for (const c of candidates) {
    const other = c.name.normalize('NFKC');
    if (other === name) continue;
    const d = editDistance(name.toLowerCase(), other.toLowerCase(), 1);
    const prefix = other.startsWith(name) || name.startsWith(other);
    if (d <= 1 || prefix) scored.push({ c, score: d <= 1 ? d : 2 });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.c);
}
