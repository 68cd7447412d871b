/**
 * The 3D view's canvas: fiber's root on a canvas of our own, made in the same commit that
 * mounts the view. Fiber's <Canvas> first measures its box with a ResizeObserver and creates
 * the renderer in a later render (a frame or two after the control room is on screen, behind
 * whatever else is queued), and registers every class of three for JSX, which keeps all of
 * three in the bundle. Here the box is measured synchronously in the layout effect, and only
 * the classes the scene uses are registered (so the bundler drops the rest).
 */
import { type Dpr, type Frameloop, type GLProps, events, extend, createRoot, type ReconcilerRoot, type RootState } from '@react-three/fiber';
import { type ReactNode, useEffect, useInsertionEffect, useLayoutEffect, useRef, useState } from 'react';
import { Color, DirectionalLight, Fog, Group, HemisphereLight, InstancedMesh, Mesh, MeshLambertMaterial, PlaneGeometry, ShaderMaterial } from 'three';
import { SimContext, useSimApi } from '../store/use-sim';

// The JSX elements of the scene (src/scene) and of drei's Html and OrbitControls.
extend({ Color, DirectionalLight, Fog, Group, HemisphereLight, InstancedMesh, Mesh, MeshLambertMaterial, PlaneGeometry, ShaderMaterial });

interface Props {
  readonly children: ReactNode;
  readonly frameloop: Frameloop;
  readonly camera: { readonly position: [number, number, number]; readonly fov: number };
  readonly shadows: boolean;
  readonly dpr: Dpr;
  readonly gl: GLProps;
  readonly onPointerMissed: () => void;
}

interface Box {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly left: number;
}

function measure(el: HTMLElement): Box {
  const r = el.getBoundingClientRect();
  return { width: r.width, height: r.height, top: r.top, left: r.left };
}

export function LineCanvas({ children, frameloop, camera, shadows, dpr, gl, onPointerMissed }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const api = useSimApi();
  const [size, setSize] = useState<Box | null>(null);
  const missed = useRef(onPointerMissed);
  missed.current = onPointerMissed;
  const [failed, setFailed] = useState<unknown>(null);
  if (failed !== null) throw failed;

  // Released once, when the view leaves (StrictMode's replay of layout and passive effects in
  // development does not run insertion effects' clean-up; a root disposed there would have
  // lost its context for good).
  useInsertionEffect(
    () => () => {
      root.current?.unmount();
      root.current = null;
    },
    [],
  );

  useLayoutEffect(() => {
    const el = box.current;
    if (el === null) return;
    const current = size ?? measure(el);
    if (current.width === 0 || current.height === 0) return;
    if (root.current === null) {
      const canvas = document.createElement('canvas');
      canvas.style.display = 'block';
      el.appendChild(canvas);
      root.current = createRoot(canvas);
    }
    void root.current
      .configure({
        gl,
        events,
        shadows,
        dpr,
        frameloop,
        camera,
        size: current,
        onPointerMissed: () => missed.current(),
        onCreated: (state: RootState) => state.events.connect?.(el),
      })
      .catch(setFailed);
    root.current.render(<SimContext.Provider value={api}>{children}</SimContext.Provider>);
  });

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => {
      const next = measure(el);
      setSize((prev) => (prev && prev.width === next.width && prev.height === next.height && prev.top === next.top && prev.left === next.left ? prev : next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return <div ref={box} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden' }} />;
}
