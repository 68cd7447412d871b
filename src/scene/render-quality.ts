/**
 * How much the 3D view asks of the machine. A laptop whose browser draws WebGL in software (no
 * usable graphics driver: SwiftShader in Chromium, llvmpipe in Firefox on Linux) pays for every
 * shadow-map pass and every multisampled pixel on the CPU, at start (shader compiles, buffer
 * allocation) and in every frame; there the view drops shadows and edge smoothing and draws at
 * one pixel per CSS pixel. Everything a student needs to read (stack lights, labels, parts) is
 * the same in both.
 */
export type RenderQuality = 'full' | 'software';

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** What a renderer string says: exported for tests. */
export function qualityOf(renderer: string | null): RenderQuality {
  return renderer !== null && SOFTWARE_RENDERERS.test(renderer) ? 'software' : 'full';
}

let known: RenderQuality | null = null;

declare global {
  interface Window {
    /** The renderer string, asked by index.html while the page's scripts download (drill pages). */
    __lfRenderer?: string | null;
  }
}

/**
 * Which renderer draws, from a throw-away WebGL context (its attributes, such as multisampling,
 * cannot change once the view's own context exists). Tens of milliseconds: a page that opens on
 * a drill runs it from index.html while its scripts are still downloading (vite.config.ts), so it
 * is not on the way to the first frame. Self-contained (no imports, no closure): its source is
 * inlined there as it is.
 */
export function probeRenderer(): string | null {
  try {
    const gl = document.createElement('canvas').getContext('webgl2', { antialias: false, depth: false, stencil: false });
    if (gl === null) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : null;
  } catch {
    // No WebGL at all: the canvas reports it; quality does not matter.
    return null;
  }
}

export function renderQuality(): RenderQuality {
  known ??= qualityOf(typeof window !== 'undefined' && window.__lfRenderer !== undefined ? window.__lfRenderer : probeRenderer());
  return known;
}
