import type {} from '@react-three/fiber';
import { useLayoutEffect, useRef } from 'react';
import { Color, type InstancedMesh, Object3D } from 'three';
import { box, INSTANCED, matte, paint, plane } from './kit';

const FLOOR = '#9ea3a8';
const COLUMN = new Color('#6f7a85');
const WALKWAY = '#d4b106';
const BACK_WALL = '#c3c7cc';
const SIDE_WALL = '#c9cdd2';

/**
 * The factory hall around the line: a sealed concrete floor with painted walkways, steel
 * columns on a grid, and the back and side walls. Static, built once; columns are one
 * instanced mesh.
 */
export function Hall({ width, depth }: { width: number; depth: number }) {
  const columns = useRef<InstancedMesh>(null);
  const w = Math.max(30, width + 16);
  // Deep enough that the front row of columns stands behind the overview camera.
  const d = Math.max(44, depth + 34);
  const xs: number[] = [];
  for (let x = -w / 2; x <= w / 2 + 0.01; x += 10) xs.push(x);
  const count = xs.length * 2;
  useLayoutEffect(() => {
    const m = columns.current;
    if (!m) return;
    const o = new Object3D();
    xs.forEach((x, k) => {
      for (const [j, z] of [-d / 2, d / 2].entries()) {
        o.position.set(x, 4, z);
        o.updateMatrix();
        m.setMatrixAt(k * 2 + j, o.matrix);
      }
    });
    m.instanceMatrix.needsUpdate = true;
    paint(m, COLUMN);
  });
  return (
    <group>
      <mesh rotation={[-Math.PI / 2, 0, 0]} geometry={plane(w + 4, d + 4)} material={matte(FLOOR)} receiveShadow />
      {/* Walkway markings: yellow lines either side of the line, as on a real shop floor. */}
      {[-1, 1].map((side) => (
        <mesh key={side} rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.004, side * (depth / 2 + 2.2)]} geometry={plane(width + 6, 0.12)} material={matte(WALKWAY)} />
      ))}
      <instancedMesh ref={columns} args={[box(0.45, 8, 0.45), INSTANCED, count]} castShadow />
      <mesh position={[0, 4, -d / 2 - 2]} geometry={box(w + 4, 8, 0.3)} material={matte(BACK_WALL)} receiveShadow />
      {[-1, 1].map((side) => (
        <mesh key={side} position={[side * (w / 2 + 2), 4, 0]} geometry={box(0.3, 8, d + 4)} material={matte(SIDE_WALL)} receiveShadow />
      ))}
    </group>
  );
}
