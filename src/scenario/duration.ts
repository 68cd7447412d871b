/** Durations in scenario files: a number of seconds, or a string like "45s", "5m", "2h", "30d", "250ms". */
const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/;

export const DURATION_HINT = 'a duration like 45 (seconds) or "45s", "5m", "2h", "30d"';

/** Seconds, or null when the value is not a duration. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const m = PATTERN.exec(value);
  if (m === null) return null;
  return Number(m[1]) * (UNIT_SECONDS[m[2]!] ?? 1);
}
