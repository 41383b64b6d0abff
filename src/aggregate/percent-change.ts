/**
 * Change against the previous year in whole percent: round((now − before) / before × 100), halves
 * rounded away from zero so that a rise and a fall of the same size print the same number.
 * `null` where there is no earlier figure or it is zero (no percentage of nothing).
 */
export function percentChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  const exact = ((now - before) * 100) / before;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return rounded === 0 ? 0 : rounded; // no negative zero in the figures
}
