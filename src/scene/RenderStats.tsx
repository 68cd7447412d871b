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
  /** When the first frame's draw calls had been issued (the JS side of the frame was done). */
  readonly firstFrameMs: number;
  /**
   * When the GPU had finished drawing it: what a student sees. A software renderer compiles
   * each shader program at its first draw, so this can come much later than firstFrameMs.
   */
  readonly drawnMs: number;
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
      if (window.__lfRenderSetup === undefined) {
        const issued = performance.now();
        // Reading one pixel back waits for the GPU to finish the frame (benchmark only).
        const context = gl.getContext();
        context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, new Uint8Array(4));
        window.__lfRenderSetup = {
          firstFrameMs: issued,
          drawnMs: performance.now(),
        programs: gl.info.programs?.length ?? 0,
        shadows: gl.shadowMap.enabled,
        antialias: gl.getContextAttributes()?.antialias ?? false,
          pixelRatio: gl.getPixelRatio(),
        };
      }
      samples.push({ calls: gl.info.render.calls, triangles: gl.info.render.triangles, ms: performance.now() - start.current });
      if (samples.length > 2000) samples.shift();
    });
  }, [enabled, gl]);
  return null;
}
