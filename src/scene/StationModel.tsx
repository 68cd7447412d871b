import type {} from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import { type InstancedMesh, Object3D } from 'three';
import type { StationType } from '../engine';

/** Shared materials: muted greys (ISA-101), colour kept for states and alarms. */
const GREY = '#8d9196';
const DARK = '#5d6166';
const LIGHT = '#b9bcc0';
const STEEL = '#a7adb3';

function Machine() {
  return (
    <group>
      <mesh position={[0, 0.5, 0]} castShadow receiveShadow>
        <boxGeometry args={[2.2, 1, 1.6]} />
        <meshStandardMaterial color={DARK} />
      </mesh>
      <mesh position={[0, 1.55, 0]} castShadow>
        <boxGeometry args={[2.2, 1.1, 1.6]} />
        <meshStandardMaterial color={GREY} metalness={0.3} roughness={0.6} />
      </mesh>
      <mesh position={[0.2, 1.55, 0.81]}>
        <planeGeometry args={[1.2, 0.7]} />
        <meshStandardMaterial color="#2b3a44" metalness={0.6} roughness={0.15} transparent opacity={0.7} />
      </mesh>
      <mesh position={[-0.4, 1.7, 0]} rotation={[0, 0, Math.PI / 2]}>
        <cylinderGeometry args={[0.18, 0.18, 0.9, 20]} />
        <meshStandardMaterial color={STEEL} metalness={0.8} roughness={0.3} />
      </mesh>
      <mesh position={[1.25, 1.3, 0.5]} castShadow>
        <boxGeometry args={[0.3, 0.9, 0.5]} />
        <meshStandardMaterial color={LIGHT} />
      </mesh>
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
  }, [count, length]);
  return (
    <instancedMesh ref={ref} args={[undefined, undefined, count]}>
      <cylinderGeometry args={[0.06, 0.06, 0.85, 10]} />
      <meshStandardMaterial color={STEEL} metalness={0.7} roughness={0.35} />
    </instancedMesh>
  );
}

function Conveyor({ length }: { length: number }) {
  const rollers = Math.max(2, Math.round(length / 0.6));
  return (
    <group>
      <mesh position={[0, 0.75, 0]} receiveShadow castShadow>
        <boxGeometry args={[length, 0.08, 0.8]} />
        <meshStandardMaterial color="#3b3e42" roughness={0.9} />
      </mesh>
      <Rollers count={rollers} length={length} />
      {[-1, 1].map((side) => (
        <mesh key={side} position={[0, 0.35, side * 0.42]} castShadow>
          <boxGeometry args={[length, 0.7, 0.05]} />
          <meshStandardMaterial color={GREY} />
        </mesh>
      ))}
    </group>
  );
}

function Rack() {
  return (
    <group>
      {[0.3, 0.9, 1.5].map((y) => (
        <mesh key={y} position={[0, y, 0]} castShadow receiveShadow>
          <boxGeometry args={[1.6, 0.05, 1.0]} />
          <meshStandardMaterial color={LIGHT} />
        </mesh>
      ))}
      {[
        [-0.78, -0.48],
        [0.78, -0.48],
        [-0.78, 0.48],
        [0.78, 0.48],
      ].map(([x, z]) => (
        <mesh key={`${x}${z}`} position={[x!, 0.8, z!]} castShadow>
          <boxGeometry args={[0.05, 1.6, 0.05]} />
          <meshStandardMaterial color="#4f6d8a" />
        </mesh>
      ))}
    </group>
  );
}

function Inspection() {
  return (
    <group>
      <mesh position={[0, 0.45, 0]} castShadow receiveShadow>
        <boxGeometry args={[1.6, 0.9, 1.2]} />
        <meshStandardMaterial color={LIGHT} />
      </mesh>
      <mesh position={[0, 1.35, 0]} castShadow>
        <torusGeometry args={[0.45, 0.06, 10, 28, Math.PI]} />
        <meshStandardMaterial color={DARK} metalness={0.5} />
      </mesh>
      <mesh position={[0, 1.78, 0]}>
        <boxGeometry args={[0.25, 0.18, 0.25]} />
        <meshStandardMaterial color="#2a2d31" />
      </mesh>
    </group>
  );
}

function Robot() {
  return (
    <group>
      <mesh position={[0, 0.2, 0]} castShadow>
        <cylinderGeometry args={[0.5, 0.6, 0.4, 24]} />
        <meshStandardMaterial color={DARK} />
      </mesh>
      <mesh position={[0, 0.9, 0]} castShadow>
        <cylinderGeometry args={[0.16, 0.2, 1.1, 16]} />
        <meshStandardMaterial color="#c9a227" />
      </mesh>
      <mesh position={[0.45, 1.45, 0]} rotation={[0, 0, -1.1]} castShadow>
        <boxGeometry args={[0.18, 1.1, 0.18]} />
        <meshStandardMaterial color="#c9a227" />
      </mesh>
      <mesh position={[0.95, 1.25, 0]} castShadow>
        <boxGeometry args={[0.2, 0.3, 0.3]} />
        <meshStandardMaterial color={DARK} />
      </mesh>
    </group>
  );
}

function Pallet({ stock }: { stock: boolean }) {
  return (
    <group>
      <mesh position={[0, 0.08, 0]} receiveShadow castShadow>
        <boxGeometry args={[1.4, 0.16, 1.2]} />
        <meshStandardMaterial color="#8a7457" roughness={0.9} />
      </mesh>
      {stock && (
        <mesh position={[0, 0.5, 0]} castShadow>
          <boxGeometry args={[1.2, 0.7, 1.0]} />
          <meshStandardMaterial color="#7c8894" metalness={0.4} roughness={0.5} />
        </mesh>
      )}
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
