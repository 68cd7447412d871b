/**
 * Where each station stands on the floor: the scenario's position, or an automatic layout
 * that walks the graph from the sources (column = depth, row = branch).
 */
import type { LineModel } from '../engine';

export interface Placement {
  readonly x: number;
  readonly z: number;
}

export function layout(model: LineModel): Placement[] {
  const depth = model.stations.map(() => -1);
  const queue: number[] = [];
  model.stations.forEach((s, i) => {
    if (s.type === 'source') {
      depth[i] = 0;
      queue.push(i);
    }
  });
  while (queue.length > 0) {
    const i = queue.shift()!;
    for (const o of model.stations[i]!.outputs) {
      if (depth[o]! < 0) {
        depth[o] = depth[i]! + 1;
        queue.push(o);
      }
    }
  }
  const rows = new Map<number, number>();
  const auto = model.stations.map((_, i) => {
    const d = Math.max(0, depth[i]!);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    return { x: d * 4, z: row * 4 };
  });
  const placed = model.stations.map((s, i) => (s.position ? { x: s.position[0], z: s.position[1] } : auto[i]!));
  // Centre the line on the origin so the overview camera frames it.
  const xs = placed.map((p) => p.x);
  const zs = placed.map((p) => p.z);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cz = (Math.min(...zs) + Math.max(...zs)) / 2;
  return placed.map((p) => ({ x: p.x - cx, z: p.z - cz }));
}
