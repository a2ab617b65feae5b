/** Small statistics for the benchmark's report: medians with their spread. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** "12.3 (11.9–13.0)" */
export function formatSpread(value: Spread, digits = 1): string {
  if (value.n === 0) return '–';
  const f = (n: number): string => n.toFixed(digits);
  return value.n === 1 ? f(value.median) : `${f(value.median)} (${f(value.min)}–${f(value.max)})`;
}

export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}
