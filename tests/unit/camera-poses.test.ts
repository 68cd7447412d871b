import { describe, expect, it } from 'vitest';
import { CLEARANCE, closeUpPose, FIELD_OF_VIEW, overviewPosition, type Spot } from '../../src/scene/camera-poses';

/** Distance from a neighbour (at the height of its top) to the camera's line of sight, sampled. */
function clearance(pose: ReturnType<typeof closeUpPose>, o: Spot): number {
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= 100; k++) {
    const s = k / 100;
    const p = pose.position.map((c, i) => c + s * (pose.lookAt[i]! - c));
    best = Math.min(best, Math.hypot(p[0]! - o.x, p[1]! - 2, p[2]! - o.z));
  }
  return best;
}

describe('the close-up camera', () => {
  it('on a straight line looks from the front and to the right, as it always did', () => {
    const line = [0, 4, 8, 12].map((x) => ({ x, z: 0 }));
    for (const t of line) expect(closeUpPose(t, line)).toEqual({ position: [t.x + 4, 5, 7], lookAt: [t.x, 1, 0] });
  });

  it('beside parallel machines it finds a place whose view no neighbour stands in (a neighbour one row nearer stood under it)', () => {
    // A machine with its parallel twin one row nearer, as in the spindle drill's line.
    const line: Spot[] = [
      { x: 0, z: 0 },
      { x: 4, z: 0 },
      { x: 8, z: 0 },
      { x: 8, z: 4 },
      { x: 12, z: 0 },
      { x: 16, z: 0 },
    ];
    const target = line[2]!;
    const old = { position: [12, 5, 7] as [number, number, number], lookAt: [8, 1, 0] as [number, number, number] };
    expect(clearance(old, line[3]!)).toBeLessThan(CLEARANCE);
    const pose = closeUpPose(target, line);
    expect(pose.lookAt).toEqual([8, 1, 0]);
    for (const o of line) if (o !== target) expect(clearance(pose, o)).toBeGreaterThanOrEqual(CLEARANCE - 0.01);
  });

  it('where every place is crowded it takes the clearest, never none', () => {
    const ring: Spot[] = [{ x: 0, z: 0 }];
    for (let dx = -8; dx <= 8; dx += 2) for (let dz = -8; dz <= 8; dz += 2) if (dx !== 0 || dz !== 0) ring.push({ x: dx, z: dz });
    const pose = closeUpPose(ring[0]!, ring);
    expect(pose.position).toHaveLength(3);
    expect(pose.lookAt).toEqual([0, 1, 0]);
  });

  it('the overview fits the whole line to the view\'s width: the ends of a five-station line were cut off at 1024 px', () => {
    const line = [-8, -4, 0, 4, 8].map((x) => ({ x, z: 0 }));
    // The half width the view shows at the line's centre, from the camera's distance to it.
    const halfWidthSeen = (aspect: number) => {
      const [, h, z] = overviewPosition(line, aspect);
      const distance = Math.hypot(h - 0.5, z);
      return distance * Math.tan(((FIELD_OF_VIEW / 2) * Math.PI) / 180) * aspect;
    };
    // The control room's view at 1024×768 is about 670 × 450 px; the outer stations' centres are 8 from the middle.
    expect(halfWidthSeen(670 / 450)).toBeGreaterThanOrEqual(8 + 2.5);
    // A wide view keeps the old framing (it fitted already): no further back than the line's depth asks.
    expect(overviewPosition(line, 2.2)).toEqual([0, 16 * 0.62, 16 * 0.62]);
  });
});
