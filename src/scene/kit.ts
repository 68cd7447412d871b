/**
 * The scene's shared geometries and materials. Every station of a type is built from the same
 * few boxes and cylinders in the same few greys: one geometry per shape and one material per
 * colour, made once, instead of one of each per mesh. On a 100-station line that is a few dozen
 * objects instead of thousands; on a cold load each material avoided is a program look-up,
 * uniform copy and state switch the first frame does not do.
 *
 * They live as long as the page (they are never disposed: a few kB, reused by every line).
 * Materials are Lambert (diffuse only): muted greys need no metal sheen (ISA-101), and its
 * shaders compile several times faster than the physically based ones on a laptop without a
 * graphics driver.
 *
 * The whole scene is drawn with two shader programs: opaque Lambert, and opaque Lambert with
 * per-instance colour for every instanced mesh. A software renderer (SwiftShader, llvmpipe)
 * compiles each program at its first draw, 100-200 ms apiece on this machine, on the path to
 * the first frame; so no see-through materials (a transparent material is another program), no
 * unlit ones (emissive Lambert glows instead), and no instanced mesh without instance colours.
 */
import { type BufferGeometry, BoxGeometry, type Color, CylinderGeometry, type InstancedMesh, MeshLambertMaterial, PlaneGeometry, RingGeometry, TorusGeometry } from 'three';

const materials = new Map<string, MeshLambertMaterial>();
const geometries = new Map<string, BufferGeometry>();

function cached<T extends BufferGeometry>(key: string, make: () => T): T {
  let g = geometries.get(key);
  if (g === undefined) {
    g = make();
    geometries.set(key, g);
  }
  return g as T;
}

/** A flat colour. */
export function matte(color: string): MeshLambertMaterial {
  let m = materials.get(color);
  if (m === undefined) {
    m = new MeshLambertMaterial({ color });
    materials.set(color, m);
  }
  return m;
}

/** A colour that glows a little, readable from any side whatever the light (a selection mark). */
export function glowing(color: string): MeshLambertMaterial {
  return new MeshLambertMaterial({ color, emissive: color, emissiveIntensity: 0.6 });
}

/** The one material of every instanced mesh: white, coloured per instance by paint(). */
export const INSTANCED = new MeshLambertMaterial({ color: '#ffffff' });

/** Colour instances [from, to) of an instanced mesh drawn with INSTANCED. */
export function paint(mesh: InstancedMesh, color: Color, from = 0, to = mesh.count): void {
  for (let k = from; k < to; k++) mesh.setColorAt(k, color);
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
}

export const box = (w: number, h: number, d: number) => cached(`box ${w} ${h} ${d}`, () => new BoxGeometry(w, h, d));
export const cylinder = (top: number, bottom: number, h: number, segments: number) => cached(`cyl ${top} ${bottom} ${h} ${segments}`, () => new CylinderGeometry(top, bottom, h, segments));
export const plane = (w: number, h: number) => cached(`plane ${w} ${h}`, () => new PlaneGeometry(w, h));
export const ring = (inner: number, outer: number, segments: number) => cached(`ring ${inner} ${outer} ${segments}`, () => new RingGeometry(inner, outer, segments));
export const arch = (radius: number, tube: number) => cached(`arch ${radius} ${tube}`, () => new TorusGeometry(radius, tube, 10, 28, Math.PI));
