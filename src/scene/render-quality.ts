/**
 * How much the 3D view asks of the machine. A laptop whose browser draws WebGL in software (no
 * usable graphics driver: SwiftShader in Chromium, llvmpipe in Firefox on Linux) pays for every
 * shadow-map pass and every multisampled pixel on the CPU, at start (shader compiles, buffer
 * allocation) and in every frame; there the view drops shadows and edge smoothing and draws at
 * one pixel per CSS pixel. Everything a student needs to read (stack lights, labels, parts) is
 * the same in both.
 */
export type RenderQuality = 'full' | 'software';

export const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** What a renderer string says: exported for tests. */
export function qualityOf(renderer: string | null): RenderQuality {
  return renderer !== null && SOFTWARE_RENDERERS.test(renderer) ? 'software' : 'full';
}

let known: RenderQuality | null = null;

/**
 * The context the 3D view draws with when the renderer is software: the probe's own, so the
 * first frame does not create a second one (tens of milliseconds there, and the GPU process
 * sets up each context's buffers anew). Its attributes are the software view's.
 */
export const SOFTWARE_CONTEXT: WebGLContextAttributes = {
  alpha: true,
  depth: true,
  stencil: false,
  antialias: false,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
};

declare global {
  interface Window {
    /** The renderer string, asked by index.html while the page's scripts download (drill pages). */
    __lfRenderer?: string | null;
    /** The probe's canvas and context, kept for the 3D view when the renderer is software. */
    __lfProbe?: { readonly canvas: HTMLCanvasElement; readonly gl: WebGL2RenderingContext };
  }
}

/**
 * Which renderer draws, from a throw-away WebGL context (its attributes, such as multisampling,
 * cannot change once the view's own context exists). Tens of milliseconds: a page that opens on
 * a drill runs it from index.html while its scripts are still downloading (vite.config.ts), so it
 * is not on the way to the first frame. A software renderer's context is kept for the view
 * (window.__lfProbe); any other is released. Self-contained (no imports, no closure): its
 * source is inlined there as it is, with the attributes and SOFTWARE_RENDERERS as arguments.
 */
export function probeRenderer(attributes: WebGLContextAttributes, software: string): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2', attributes);
    if (gl === null) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    if (typeof name === 'string' && new RegExp(software, 'i').test(name)) window.__lfProbe = { canvas, gl };
    else gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : null;
  } catch {
    // No WebGL at all: the canvas reports it; quality does not matter.
    return null;
  }
}

export function renderQuality(): RenderQuality {
  known ??= qualityOf(typeof window !== 'undefined' && window.__lfRenderer !== undefined ? window.__lfRenderer : probeRenderer(SOFTWARE_CONTEXT, SOFTWARE_RENDERERS.source));
  return known;
}

/**
 * The probe's context for the view that asks first, once (a context draws into one canvas, and
 * a view that is left releases its renderer): null when the renderer is not software, or when
 * a view has taken it already.
 */
export function takeProbeContext(): { readonly canvas: HTMLCanvasElement; readonly gl: WebGL2RenderingContext } | null {
  if (typeof window === 'undefined' || window.__lfProbe === undefined) return null;
  const probe = window.__lfProbe;
  delete window.__lfProbe;
  return probe.gl.isContextLost() ? null : probe;
}
