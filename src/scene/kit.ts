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
 */
import { type BufferGeometry, BoxGeometry, CylinderGeometry, MeshLambertMaterial, PlaneGeometry, RingGeometry, TorusGeometry } from 'three';

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

/** A flat colour, optionally see-through (a machine's window). */
export function matte(color: string, opacity = 1): MeshLambertMaterial {
  const key = `${color}/${opacity}`;
  let m = materials.get(key);
  if (m === undefined) {
    m = new MeshLambertMaterial({ color, transparent: opacity < 1, opacity });
    materials.set(key, m);
  }
  return m;
}

export const box = (w: number, h: number, d: number) => cached(`box ${w} ${h} ${d}`, () => new BoxGeometry(w, h, d));
export const cylinder = (top: number, bottom: number, h: number, segments: number) => cached(`cyl ${top} ${bottom} ${h} ${segments}`, () => new CylinderGeometry(top, bottom, h, segments));
export const plane = (w: number, h: number) => cached(`plane ${w} ${h}`, () => new PlaneGeometry(w, h));
export const ring = (inner: number, outer: number, segments: number) => cached(`ring ${inner} ${outer} ${segments}`, () => new RingGeometry(inner, outer, segments));
export const arch = (radius: number, tube: number) => cached(`arch ${radius} ${tube}`, () => new TorusGeometry(radius, tube, 10, 28, Math.PI));
