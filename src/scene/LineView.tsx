import { OrbitControls } from '@react-three/drei';
import { type GLProps, useThree } from '@react-three/fiber';
import { WebGLRenderer } from 'three';
import { useEffect, useMemo } from 'react';
import { useSim, useSimApi } from '../store/use-sim';
import { useT } from '../i18n';
import { closeUpPose, FIELD_OF_VIEW, overviewPosition } from './camera-poses';
import { Hall } from './Hall';
import { LabelProjector, labelRegistry, StationLabels } from './Labels';
import { LineCanvas } from './LineCanvas';
import { layout } from './layout';
import { Parts } from './Parts';
import { renderQuality, SOFTWARE_CONTEXT, takeProbeContext } from './render-quality';
import { RenderStats } from './RenderStats';
import { Station } from './Station';

/** Redraw on demand while paused: a new observation or selection invalidates the frame. */
function InvalidateOnChange() {
  const invalidate = useThree((s) => s.invalidate);
  const tick = useSim((s) => s.observation?.tick);
  const selected = useSim((s) => s.selected);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and selection are the triggers, not inputs
  useEffect(() => {
    invalidate();
  }, [tick, selected, invalidate]);
  return null;
}

function CameraPresets({ targets }: { targets: { id: string; x: number; z: number }[] }) {
  const selected = useSim((s) => s.selected);
  const camera = useThree((s) => s.camera);
  // The overview fits the line to the view's width, so it is framed again when the view is resized.
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  const controls = useThree((s) => s.controls) as unknown as { target: { set(x: number, y: number, z: number): void }; update(): void } | null;
  useEffect(() => {
    const t = targets.find((x) => x.id === selected);
    if (!controls) return;
    if (t) {
      const pose = closeUpPose(t, targets);
      camera.position.set(...pose.position);
      controls.target.set(...pose.lookAt);
    } else {
      camera.position.set(...overviewPosition(targets, aspect));
      controls.target.set(0, 0.5, 0);
    }
    controls.update();
  }, [selected, targets, camera, controls, aspect]);
  return null;
}

/**
 * A software renderer draws with the context the page probed it with, when no view has taken
 * it yet: that canvas takes the place of the view's own (so the page still has one canvas).
 */
type GLDefaults = Parameters<Extract<GLProps, (defaults: never) => unknown>>[0];

function softwareRenderer(defaults: GLDefaults): WebGLRenderer {
  const own = defaults.canvas;
  const probe = own instanceof HTMLCanvasElement ? takeProbeContext() : null;
  if (probe === null) return new WebGLRenderer({ ...defaults, ...SOFTWARE_CONTEXT });
  probe.canvas.style.display = 'block';
  (own as HTMLCanvasElement).replaceWith(probe.canvas);
  return new WebGLRenderer({ ...defaults, ...SOFTWARE_CONTEXT, canvas: probe.canvas, context: probe.gl });
}

/** The 3D line: it reads the simulation, never decides anything. */
export function LineView() {
  const { t } = useT();
  const api = useSimApi();
  const running = useSim((s) => s.running);
  const select = useSim((s) => s.select);
  const scenarioId = useSim((s) => s.scenario?.id);
  const model = api.frame.model;
  const full = useMemo(renderQuality, []) === 'full';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout changes with the scenario
  const places = useMemo(() => (model ? layout(model) : []), [model, scenarioId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one registry per line
  const labels = useMemo(() => labelRegistry(model?.stations.length ?? 0), [model, scenarioId]);
  if (!model) return null;
  const targets = model.stations.map((s, i) => ({ id: s.id, x: places[i]!.x, z: places[i]!.z }));
  const extent = {
    width: Math.max(...places.map((p) => Math.abs(p.x))) * 2 + 4,
    depth: Math.max(...places.map((p) => Math.abs(p.z))) * 2 + 2,
  };
  return (
    <div className="line-view" data-testid="line-view">
      <LineCanvas frameloop={running ? 'always' : 'demand'} camera={{ position: overviewPosition(targets, 16 / 9), fov: FIELD_OF_VIEW }} onPointerMissed={() => select(null)} shadows={full} dpr={full ? [1, 2] : 1} gl={full ? { antialias: true } : softwareRenderer}>
        <color attach="background" args={['#aeb2b7']} />
        <fog attach="fog" args={['#aeb2b7', 45, 110]} />
        <hemisphereLight args={['#f2f4f7', '#80858c', 1.1]} />
        {/* No shadow caster where shadows are off: its uniforms would still be in every shader. */}
        <directionalLight position={[12, 20, 10]} intensity={1.6} castShadow={full} shadow-mapSize={[2048, 2048]} shadow-camera-left={-30} shadow-camera-right={30} shadow-camera-top={20} shadow-camera-bottom={-20} />
        <Hall width={extent.width} depth={extent.depth} />
        {model.stations.map((spec, i) => (
          <Station key={spec.id} spec={spec} place={places[i]!} frame={api.frame} />
        ))}
        <Parts frame={api.frame} places={places} />
        <LabelProjector model={model} places={places} registry={labels} api={api} />
        <OrbitControls makeDefault maxPolarAngle={Math.PI / 2.1} />
        <CameraPresets targets={targets} />
        <InvalidateOnChange />
        <RenderStats />
      </LineCanvas>
      <StationLabels model={model} registry={labels} />
      <div className="camera-presets">
        <button type="button" onClick={() => select(null)}>
          {t('view.overview')}
        </button>
      </div>
    </div>
  );
}
