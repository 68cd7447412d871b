/**
 * The colours that carry meaning, in one place, so that a test can check them for the three
 * common kinds of colour blindness (tests/unit/palette.test.ts simulates protanopia,
 * deuteranopia and tritanopia and requires every pair within a group to stay clearly apart).
 * Colour is never the only sign (position, shape and words say the same), but a student who
 * sees it should not be misled by it either. styles.css repeats the alarm colours as variables;
 * the test holds the two together.
 *
 * Chosen from the Okabe–Ito / Wong palette's ideas: a bluish green and a purple keep apart from
 * red and orange where a classic green and yellow would merge.
 */
export const PALETTE = {
  /** Stack-light lamps, top to bottom (IEC 60204-1: red stop, amber attention, green running). */
  lamp: { red: '#e03020', amber: '#ffb300', green: '#1aa7a0' },
  /** ISA-18.2 alarm priorities; the list also writes 1, 2, 3 and a shape. */
  alarm: { high: '#c62828', medium: '#ef8f00', low: '#8e24aa' },
  /** Parts in the 3D view. */
  part: { normal: '#9fb3c8', rework: '#d08a2e', scrap: '#7a3b3b' },
  /** SPC and trend charts: the measured trace, a point that breaks a rule, the limits. */
  chart: { trace: '#263238', flag: '#ef8f00', limit: '#6d6d6d' },
  /** The two runs of a comparison. */
  compare: { a: '#263238', b: '#0072b2' },
} as const;
