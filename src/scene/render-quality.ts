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

/**
 * Asks a throw-away WebGL context which renderer draws (its attributes, such as multisampling,
 * cannot change once the view's own context exists). Tens of milliseconds once per page.
 */
export function renderQuality(): RenderQuality {
  if (known !== null) return known;
  let renderer: string | null = null;
  try {
    const gl = document.createElement('canvas').getContext('webgl2', { antialias: false, depth: false, stencil: false });
    if (gl !== null) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
      renderer = typeof name === 'string' ? name : null;
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL at all: the canvas reports it; quality does not matter.
  }
  known = qualityOf(renderer);
  return known;
}
