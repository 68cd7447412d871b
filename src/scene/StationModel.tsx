import type {} from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import { Color, type InstancedMesh, Object3D } from 'three';
import type { StationType } from '../engine';
import { arch, box, cylinder, INSTANCED, matte, paint, plane } from './kit';

/** Muted greys (ISA-101): colour is kept for states and alarms. */
const GREY = '#8d9196';
const DARK = '#5d6166';
const LIGHT = '#b9bcc0';
const STEEL = '#a7adb3';
const ROLLER = new Color(STEEL);
/** A machine's window: opaque (see kit.ts), the dark tint the glass showed over the guard. */
const GLASS = '#454f57';
const BELT = '#3b3e42';
const RACK_BLUE = '#4f6d8a';
const CAMERA = '#2a2d31';
const ROBOT_YELLOW = '#c9a227';
const WOOD = '#8a7457';
const STOCK = '#7c8894';

function Machine() {
  return (
    <group>
      <mesh position={[0, 0.5, 0]} geometry={box(2.2, 1, 1.6)} material={matte(DARK)} castShadow receiveShadow />
      <mesh position={[0, 1.55, 0]} geometry={box(2.2, 1.1, 1.6)} material={matte(GREY)} castShadow />
      <mesh position={[0.2, 1.55, 0.81]} geometry={plane(1.2, 0.7)} material={matte(GLASS)} />
      <mesh position={[-0.4, 1.7, 0]} rotation={[0, 0, Math.PI / 2]} geometry={cylinder(0.18, 0.18, 0.9, 20)} material={matte(STEEL)} />
      <mesh position={[1.25, 1.3, 0.5]} geometry={box(0.3, 0.9, 0.5)} material={matte(LIGHT)} castShadow />
    </group>
  );
}

/** All rollers of a conveyor as one instanced mesh: one draw call however long the belt. */
function Rollers({ count, length }: { count: number; length: number }) {
  const ref = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const m = ref.current;
    if (!m) return;
    const o = new Object3D();
    o.rotation.set(Math.PI / 2, 0, 0);
    for (let k = 0; k < count; k++) {
      o.position.set(-length / 2 + (k + 0.5) * (length / count), 0.68, 0);
      o.updateMatrix();
      m.setMatrixAt(k, o.matrix);
    }
    m.instanceMatrix.needsUpdate = true;
    paint(m, ROLLER);
  }, [count, length]);
  return <instancedMesh ref={ref} args={[cylinder(0.06, 0.06, 0.85, 10), INSTANCED, count]} />;
}

function Conveyor({ length }: { length: number }) {
  const rollers = Math.max(2, Math.round(length / 0.6));
  return (
    <group>
      <mesh position={[0, 0.75, 0]} geometry={box(length, 0.08, 0.8)} material={matte(BELT)} receiveShadow castShadow />
      <Rollers count={rollers} length={length} />
      {[-1, 1].map((side) => (
        <mesh key={side} position={[0, 0.35, side * 0.42]} geometry={box(length, 0.7, 0.05)} material={matte(GREY)} castShadow />
      ))}
    </group>
  );
}

function Rack() {
  return (
    <group>
      {[0.3, 0.9, 1.5].map((y) => (
        <mesh key={y} position={[0, y, 0]} geometry={box(1.6, 0.05, 1.0)} material={matte(LIGHT)} castShadow receiveShadow />
      ))}
      {[
        [-0.78, -0.48],
        [0.78, -0.48],
        [-0.78, 0.48],
        [0.78, 0.48],
      ].map(([x, z]) => (
        <mesh key={`${x}${z}`} position={[x!, 0.8, z!]} geometry={box(0.05, 1.6, 0.05)} material={matte(RACK_BLUE)} castShadow />
      ))}
    </group>
  );
}

function Inspection() {
  return (
    <group>
      <mesh position={[0, 0.45, 0]} geometry={box(1.6, 0.9, 1.2)} material={matte(LIGHT)} castShadow receiveShadow />
      <mesh position={[0, 1.35, 0]} geometry={arch(0.45, 0.06)} material={matte(DARK)} castShadow />
      <mesh position={[0, 1.78, 0]} geometry={box(0.25, 0.18, 0.25)} material={matte(CAMERA)} />
    </group>
  );
}

function Robot() {
  return (
    <group>
      <mesh position={[0, 0.2, 0]} geometry={cylinder(0.5, 0.6, 0.4, 24)} material={matte(DARK)} castShadow />
      <mesh position={[0, 0.9, 0]} geometry={cylinder(0.16, 0.2, 1.1, 16)} material={matte(ROBOT_YELLOW)} castShadow />
      <mesh position={[0.45, 1.45, 0]} rotation={[0, 0, -1.1]} geometry={box(0.18, 1.1, 0.18)} material={matte(ROBOT_YELLOW)} castShadow />
      <mesh position={[0.95, 1.25, 0]} geometry={box(0.2, 0.3, 0.3)} material={matte(DARK)} castShadow />
    </group>
  );
}

function Pallet({ stock }: { stock: boolean }) {
  return (
    <group>
      <mesh position={[0, 0.08, 0]} geometry={box(1.4, 0.16, 1.2)} material={matte(WOOD)} receiveShadow castShadow />
      {stock && <mesh position={[0, 0.5, 0]} geometry={box(1.2, 0.7, 1.0)} material={matte(STOCK)} castShadow />}
    </group>
  );
}

/** A recognisable model per station type, built from primitives (no downloads). */
export function StationModel({ type, length }: { type: StationType; length: number }) {
  switch (type) {
    case 'machine':
      return <Machine />;
    case 'conveyor':
      return <Conveyor length={length} />;
    case 'buffer':
      return <Rack />;
    case 'inspection':
      return <Inspection />;
    case 'assembly':
      return <Robot />;
    case 'source':
      return <Pallet stock />;
    case 'sink':
      return <Pallet stock={false} />;
  }
}

/** Height of the top of each model, where the stack light and label go. */
export function topOf(type: StationType): number {
  return type === 'machine' ? 2.1 : type === 'buffer' ? 1.6 : type === 'inspection' ? 1.9 : type === 'assembly' ? 1.8 : type === 'conveyor' ? 0.8 : 0.9;
}
