import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Color, type InstancedMesh, Object3D } from 'three';
import type { FrameSource } from '../store/sim-store';
import { PALETTE } from './palette';
import { INSTANCED, paint, cylinder, box } from './kit';
import type { Placement } from './layout';
import { topOf } from './StationModel';

export const MAX_PARTS = 4096;
/** Scrapped parts drawn in the bins, all inspections together. */
const SCRAP_SHOWN = 200;
const NORMAL = new Color(PALETTE.part.normal);
const REWORK = new Color(PALETTE.part.rework);
const SCRAP = new Color(PALETTE.part.scrap);

/**
 * Every part on the line as one instanced mesh, placed each frame from the live state (never
 * through React). Parts on a conveyor glide between its ends, interpolated between ticks.
 */
export function Parts({ frame, places }: { frame: FrameSource; places: Placement[] }) {
  const mesh = useRef<InstancedMesh>(null);
  const scrapMesh = useRef<InstancedMesh>(null);
  const dummy = useMemo(() => new Object3D(), []);
  useLayoutEffect(() => {
    // Nothing is drawn until the first frame of the simulation says where parts are: an
    // instanced mesh starts with all its instances, every one at the origin (thousands of
    // cylinders in one heap, and on a software renderer most of a cold load's first frame).
    if (mesh.current) mesh.current.count = 0;
    if (scrapMesh.current) scrapMesh.current.count = 0;
    mesh.current?.setColorAt(0, NORMAL);
    // Every scrapped part is red: coloured once, per instance like the rest (kit.ts).
    if (scrapMesh.current) paint(scrapMesh.current, SCRAP, 0, SCRAP_SHOWN);
  }, []);
  // Everything the frame loop needs is allocated once here; the loop itself allocates only
  // when a part appears for the first time (its smoothed position).
  const put = useMemo(() => {
    const state = { n: 0, k: 1, frame: 0 };
    /** Where each part is drawn: it glides towards where the simulation says it is. */
    const seen = new Map<number, { x: number; y: number; z: number; frame: number }>();
    const fn = (m: InstancedMesh, id: number, tx: number, ty: number, tz: number, rework: boolean) => {
      if (state.n >= MAX_PARTS) return;
      let p = seen.get(id);
      if (p === undefined) {
        p = { x: tx, y: ty, z: tz, frame: 0 };
        seen.set(id, p);
      }
      p.x += (tx - p.x) * state.k;
      p.y += (ty - p.y) * state.k;
      p.z += (tz - p.z) * state.k;
      p.frame = state.frame;
      const x = p.x;
      const y = p.y;
      const z = p.z;
      dummy.position.set(x, y, z);
      dummy.updateMatrix();
      m.setMatrixAt(state.n, dummy.matrix);
      m.setColorAt(state.n, rework ? REWORK : NORMAL);
      state.n++;
    };
    /** Forget parts that have left the line (every second or so, not every frame). */
    const sweep = () => {
      for (const [id, p] of seen) if (p.frame !== state.frame) seen.delete(id);
    };
    return { state, fn, sweep };
  }, [dummy]);
  useFrame((_, delta) => {
    const m = mesh.current;
    const sm = scrapMesh.current;
    const s = frame.scene;
    const model = frame.model;
    if (!m || !sm || !s || !model) return;
    const now = s.tick + frame.alpha;
    put.state.n = 0;
    put.state.frame++;
    // A hop between stations takes about a tenth of a second on screen, at any speed.
    put.state.k = Math.min(1, delta * 12);
    let scrapN = 0;
    for (let i = 0; i < model.stations.length; i++) {
      const spec = model.stations[i]!;
      const st = s.stations[i]!;
      const p = places[i]!;
      const top = topOf(spec.type);
      const q = st.queue;
      if (spec.type === 'conveyor') {
        const half = spec.lengthM / 2;
        for (let k = 0; k < q.length; k++) {
          const part = q[k]!;
          // Time left to the far end → position along the belt; queued parts bunch at the end.
          const left = Math.max(0, part.t - now) / spec.transportTicks;
          const x = p.x + half - 0.2 - Math.max(left * spec.lengthM, k * 0.35);
          put.fn(m, part.id, Math.max(p.x - half + 0.2, x), 0.92, p.z, part.rework > 0);
        }
      } else if (spec.type === 'buffer') {
        for (let k = 0; k < q.length; k++) put.fn(m, q[k]!.id, p.x - 0.55 + (k % 4) * 0.36, 0.45 + Math.floor(k / 4) * 0.6, p.z, q[k]!.rework > 0);
      } else {
        const y = spec.type === 'machine' ? 1.15 : top * 0.55;
        if (st.work) put.fn(m, st.work.id, p.x, y, p.z + (spec.type === 'machine' ? 0.3 : 0), st.work.rework > 0);
        if (st.done) put.fn(m, st.done.id, p.x + 0.8, y, p.z + 0.3, st.done.rework > 0);
        for (let k = 0; k < st.kit.length; k++) {
          const part = st.kit[k];
          if (part) put.fn(m, part.id, p.x - 0.6, 0.5, p.z - 0.4 + k * 0.4, part.rework > 0);
        }
      }
      if (spec.type === 'inspection') {
        // The scrap bin beside each inspection: one box per scrapped part, up to twenty.
        const count = Math.min(20, st.c.scrap);
        for (let k = 0; k < count && scrapN < SCRAP_SHOWN; k++) {
          dummy.position.set(p.x - 0.3 + (k % 5) * 0.2, 0.12 + Math.floor(k / 5) * 0.2, p.z + 1.1);
          dummy.updateMatrix();
          sm.setMatrixAt(scrapN++, dummy.matrix);
        }
      }
    }
    if (put.state.frame % 60 === 0) put.sweep();
    m.count = put.state.n;
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    sm.count = scrapN;
    sm.instanceMatrix.needsUpdate = true;
  });
  return (
    <>
      <instancedMesh ref={mesh} args={[cylinder(0.14, 0.14, 0.22, 16), INSTANCED, MAX_PARTS]} castShadow frustumCulled={false} />
      <instancedMesh ref={scrapMesh} args={[box(0.16, 0.16, 0.16), INSTANCED, SCRAP_SHOWN]} frustumCulled={false} />
    </>
  );
}
