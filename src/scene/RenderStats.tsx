import { addAfterEffect, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';

export interface RenderSample {
  readonly calls: number;
  readonly triangles: number;
  /** CPU time of the frame's JS work: every useFrame callback and the render call. */
  readonly ms: number;
}

/** What the first frame was drawn with, and when (ms after navigation start). */
export interface RenderSetup {
  readonly firstFrameMs: number;
  readonly programs: number;
  readonly shadows: boolean;
  readonly antialias: boolean;
  readonly pixelRatio: number;
}

declare global {
  interface Window {
    __lfRender?: RenderSample[];
    __lfRenderSetup?: RenderSetup;
  }
}

/**
 * With `?stats` in the address, records draw calls, triangles and JS time per frame into
 * window.__lfRender, and how and when the first frame was drawn into window.__lfRenderSetup, for
 * the browser benchmark (bench/render.bench.ts). Off otherwise.
 */
export function RenderStats() {
  const gl = useThree((s) => s.gl);
  const start = useRef(0);
  const enabled = typeof location !== 'undefined' && new URLSearchParams(location.search).has('stats');
  useFrame(() => {
    if (enabled) start.current = performance.now();
  }, -1000);
  useEffect(() => {
    if (!enabled) return;
    window.__lfRender = [];
    return addAfterEffect(() => {
      const samples = window.__lfRender;
      if (!samples) return;
      window.__lfRenderSetup ??= {
        firstFrameMs: performance.now(),
        programs: gl.info.programs?.length ?? 0,
        shadows: gl.shadowMap.enabled,
        antialias: gl.getContextAttributes()?.antialias ?? false,
        pixelRatio: gl.getPixelRatio(),
      };
      samples.push({ calls: gl.info.render.calls, triangles: gl.info.render.triangles, ms: performance.now() - start.current });
      if (samples.length > 2000) samples.shift();
    });
  }, [enabled, gl]);
  return null;
}
