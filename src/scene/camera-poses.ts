/**
 * Where the camera stands: over the whole line (the overview), or for a close-up of one station.
 *
 * The overview stands in front of the line and above it, far enough back that the line's ends
 * fit the view's width: at 1024 px the view is narrower, and the first and last stations were cut
 * off at its edges.
 *
 * For a close-up the usual place is in front and to the
 * right; but on a line with parallel machines a neighbour one row nearer stood right under it,
 * its stack light filling the foreground. The first of a few places whose line of sight keeps
 * clear of every other station is taken, else the clearest of them.
 */

export interface Spot {
  readonly x: number;
  readonly z: number;
}

/** Camera offsets from the station, in the order they are preferred (front first, then from above, then behind). */
export const CLOSE_UP_OFFSETS: readonly (readonly [number, number, number])[] = [
  [4, 5, 7],
  [-4, 5, 7],
  [0, 8, 5],
  [4, 5, -7],
  [-4, 5, -7],
];

/** The height the camera looks at on the station, and the height of a neighbour's bulk (its top and stack light). */
const TARGET_Y = 1;
const NEIGHBOUR_Y = 2;
/** How far a neighbour must stay from the line of sight not to block or crowd the view (scene units; stations stand 4 apart). */
export const CLEARANCE = 2.5;

/** Distance from point p to the segment a–b, in 3D. */
function toSegment(p: readonly number[], a: readonly number[], b: readonly number[]): number {
  const d = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const w = [p[0]! - a[0]!, p[1]! - a[1]!, p[2]! - a[2]!];
  const len2 = d[0]! * d[0]! + d[1]! * d[1]! + d[2]! * d[2]!;
  const s = len2 === 0 ? 0 : Math.min(1, Math.max(0, (w[0]! * d[0]! + w[1]! * d[1]! + w[2]! * d[2]!) / len2));
  const q = [w[0]! - s * d[0]!, w[1]! - s * d[1]!, w[2]! - s * d[2]!];
  return Math.hypot(q[0]!, q[1]!, q[2]!);
}

/** The camera position and the point it looks at for a close-up of `target` among `others`. */
export function closeUpPose(target: Spot, others: readonly Spot[]): { position: [number, number, number]; lookAt: [number, number, number] } {
  const lookAt: [number, number, number] = [target.x, TARGET_Y, target.z];
  let best: [number, number, number] | null = null;
  let bestClear = -1;
  for (const [dx, dy, dz] of CLOSE_UP_OFFSETS) {
    const position: [number, number, number] = [target.x + dx, dy, target.z + dz];
    let clear = Number.POSITIVE_INFINITY;
    for (const o of others) {
      if (o.x === target.x && o.z === target.z) continue;
      clear = Math.min(clear, toSegment([o.x, NEIGHBOUR_Y, o.z], position, lookAt));
    }
    if (clear >= CLEARANCE) return { position, lookAt };
    if (clear > bestClear) {
      bestClear = clear;
      best = position;
    }
  }
  return { position: best!, lookAt };
}

/** The camera's vertical field of view, degrees (LineView gives it to the canvas). */
export const FIELD_OF_VIEW = 45;
/** Room kept beyond the outermost stations' centres: a station's half width and its label. */
const OVERVIEW_MARGIN = 3;

/** The overview camera's position for a view of this width-to-height ratio; it looks at the line's centre. */
export function overviewPosition(targets: readonly Spot[], aspect: number): [number, number, number] {
  const span = Math.max(8, ...targets.map((t) => Math.abs(t.x) * 2), ...targets.map((t) => Math.abs(t.z) * 2 + 6));
  // From (0, h, h) the line's centre is about h·√2 away; half the view's width there is that
  // distance × tan(fov / 2) × aspect, which must hold the line's half length and the margin.
  const halfWidth = Math.max(0, ...targets.map((t) => Math.abs(t.x))) + OVERVIEW_MARGIN;
  const toFit = halfWidth / (Math.tan(((FIELD_OF_VIEW / 2) * Math.PI) / 180) * Math.max(0.5, aspect) * Math.SQRT2);
  const h = Math.max(span * 0.62, toFit);
  return [0, h, h];
}
