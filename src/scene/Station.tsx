import { Html } from '@react-three/drei';
import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useRef, useState } from 'react';
import { Color, type Mesh, MeshLambertMaterial } from 'three';
import type { StationSpec } from '../engine';
import type { FrameSource } from '../store/sim-store';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';
import { stateName } from '../i18n/station-text';
import { PALETTE } from './palette';
import { box, cylinder, glowing, matte, ring } from './kit';
import type { Placement } from './layout';
import { LAMPS, lampFor } from './stack-light';
import { StationModel, topOf } from './StationModel';

const REDUCED_MOTION = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
/** The selection ring and the lock-out tag: one material each for every station. */
const SELECTION = glowing('#1e88e5');
const LOCK_TAG = new MeshLambertMaterial({ color: '#d32f2f', emissive: '#d32f2f', emissiveIntensity: 0.4 });
const LAMP_COLOURS = PALETTE.lamp;
/** An unlit lamp: its lens colour, dark (opaque: see kit.ts). */
const UNLIT = 0.3;

/** drei's <Html> renders empty with fiber 9.8 until the canvas has connected its events (shared/STACK.md). */
function WhenConnected({ children }: { children: React.ReactNode }) {
  const connected = useThree((s) => !!s.events.connected);
  return connected ? children : null;
}

function StackLight({ frame, index, top }: { frame: FrameSource; index: number; top: number }) {
  const lamps = useRef<(Mesh | null)[]>([]);
  useFrame(({ clock }) => {
    const s = frame.scene;
    if (!s) return;
    const st = s.stations[index]!;
    const code = lampFor(st.pack, st.interlock);
    const lamp = code % 3;
    // Blinking asks for attention; with reduced motion the lamp stays lit (its position and the label's symbol still say it).
    const on = code < 3 || REDUCED_MOTION || Math.floor(clock.elapsedTime * 2.5) % 2 === 0;
    for (let k = 0; k < 3; k++) {
      const mat = lamps.current[k]?.material as MeshLambertMaterial | undefined;
      if (!mat) continue;
      const lit = k === lamp && on;
      mat.emissiveIntensity = lit ? 2.2 : 0;
      mat.color.copy(mat.emissive).multiplyScalar(lit ? 1 : UNLIT);
    }
  });
  return (
    <group position={[0.95, top, 0.45]} scale={1.6}>
      <mesh position={[0, 0.05, 0]} geometry={cylinder(0.03, 0.03, 0.1, 8)} material={matte('#333333')} />
      {LAMPS.map((name, k) => (
        <mesh
          key={name}
          ref={(m) => {
            lamps.current[k] = m;
          }}
          position={[0, 0.5 - k * 0.16, 0]}
          geometry={cylinder(0.08, 0.08, 0.14, 16)}
        >
          {/* Its own material: each station's lamps light on their own. */}
          <meshLambertMaterial color={new Color(LAMP_COLOURS[name]).multiplyScalar(UNLIT)} emissive={LAMP_COLOURS[name]} emissiveIntensity={0} />
        </mesh>
      ))}
    </group>
  );
}

function Tooltip({ spec, top }: { spec: StationSpec; top: number }) {
  const { t } = useT();
  const view = useSim((s) => s.observation?.stations[spec.index]);
  if (!view) return null;
  return (
    <WhenConnected>
      <Html position={[0, top + 1.9, 0]} center zIndexRange={[20, 10]}>
        <div className="tooltip3d" role="tooltip">
          {t(`type.${spec.type}`)} · {stateName(view, t)}
          {view.interlock !== 'none' ? ` · ${t(`interlock.${view.interlock}`)}` : ''} · {view.parts}
          {view.capacity !== null ? `/${view.capacity}` : ''}
        </div>
      </Html>
    </WhenConnected>
  );
}

export function Station({ spec, place, frame }: { spec: StationSpec; place: Placement; frame: FrameSource }) {
  const select = useSim((s) => s.select);
  const [hover, setHover] = useState(false);
  const selected = useSim((s) => s.selected === spec.id);
  const lockedOut = useSim((s) => s.observation?.stations[spec.index]?.lockedOut ?? false);
  const top = topOf(spec.type);
  const length = spec.type === 'conveyor' ? spec.lengthM : 1.6;
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    select(spec.id);
  };
  return (
    <group position={[place.x, 0, place.z]} onClick={onClick} onPointerOver={(e) => {
        e.stopPropagation();
        setHover(true);
        document.body.style.cursor = 'pointer';
      }}
      onPointerOut={() => {
        setHover(false);
        document.body.style.cursor = '';
      }}
    >
      <StationModel type={spec.type} length={length} />
      <mesh position={[0, 0.01, 0]} rotation={[-Math.PI / 2, 0, 0]} visible={selected} geometry={ring(Math.max(1.3, length / 2 + 0.2), Math.max(1.45, length / 2 + 0.35), 48)} material={SELECTION} />
      {spec.type !== 'buffer' && spec.type !== 'sink' && <StackLight frame={frame} index={spec.index} top={top} />}
      <mesh position={[-0.6, top + 0.25, 0.6]} visible={lockedOut} geometry={box(0.3, 0.4, 0.05)} material={LOCK_TAG} />
      {hover && <Tooltip spec={spec} top={top} />}
    </group>
  );
}
