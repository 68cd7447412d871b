/**
 * Where the stations' labels go on screen so that none hides another: each label sits centred
 * above its station's anchor point; when it would overlap a label already placed, it is lifted
 * just above that one (a leader line shows where it belongs), and it is kept inside the view
 * sideways. Labels that matter most are placed first (the selected station, a station that
 * needs attention), then the nearer ones. One lifted too far, or whose station is behind the
 * camera or out of the view, is hidden:
 * the station list and the hover tooltip still name it. Pure, and allocation-free per frame:
 * the 3D view calls it every frame with boxes it reuses.
 */

export interface LabelBox {
  /** The station's anchor on screen, CSS pixels; null when it is behind the camera. */
  ax: number;
  ay: number;
  behind: boolean;
  /** The label's size, CSS pixels. */
  w: number;
  h: number;
  /** Higher is placed first. */
  priority: number;
  /** Results: the label's top-left corner, how far it was lifted, whether it is shown. */
  x: number;
  y: number;
  lift: number;
  shown: boolean;
}

export function labelBox(): LabelBox {
  return { ax: 0, ay: 0, behind: false, w: 0, h: 0, priority: 0, x: 0, y: 0, lift: 0, shown: false };
}

/** Space kept between two labels, pixels. */
export const LABEL_GAP = 3;

/**
 * Place `boxes` in a view of `width` × `height`. `order` is scratch space of the same length
 * (reused between frames). A label may rise by at most `maxLift` pixels above its anchor.
 */
export function placeLabels(boxes: readonly LabelBox[], order: number[], width: number, height: number, maxLift: number): void {
  const n = boxes.length;
  order.length = n;
  for (let i = 0; i < n; i++) order[i] = i;
  // Most important first; among equals the one lower on screen (nearer the camera) first.
  order.sort((i, j) => boxes[j]!.priority - boxes[i]!.priority || boxes[j]!.ay - boxes[i]!.ay || i - j);
  for (let k = 0; k < n; k++) {
    const b = boxes[order[k]!]!;
    b.shown = false;
    b.lift = 0;
    // A station out of the view has no label: kept inside the view, the labels of every station
    // off to one side piled up at its edge, pointing at nothing.
    if (b.behind || b.w <= 0 || b.ax < 0 || b.ax > width || b.ay < 0 || b.ay > height) continue;
    b.x = Math.min(Math.max(0, b.ax - b.w / 2), Math.max(0, width - b.w));
    let y = b.ay - b.h;
    // Rise above whatever placed label is in the way, until nothing is (each step only goes up).
    for (let moved = true; moved; ) {
      moved = false;
      for (let m = 0; m < k; m++) {
        const p = boxes[order[m]!]!;
        if (!p.shown) continue;
        const apart = b.x >= p.x + p.w + LABEL_GAP || p.x >= b.x + b.w + LABEL_GAP || y >= p.y + p.h + LABEL_GAP || p.y >= y + b.h + LABEL_GAP;
        if (apart) continue;
        y = p.y - LABEL_GAP - b.h;
        moved = true;
      }
      if (b.ay - b.h - y > maxLift) break;
    }
    b.lift = b.ay - b.h - y;
    if (b.lift > maxLift) continue;
    // A label at the top edge stays in view if it did not have to rise; one pushed out is hidden.
    if (y < 0) {
      if (b.lift > 0) continue;
      y = 0;
    }
    b.y = y;
    b.shown = true;
  }
}
