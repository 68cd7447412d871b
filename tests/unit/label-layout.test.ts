import { describe, expect, it } from 'vitest';
import { LABEL_GAP, type LabelBox, labelBox, placeLabels } from '../../src/scene/label-layout';

function box(ax: number, ay: number, w = 80, h = 30, priority = 0): LabelBox {
  return { ...labelBox(), ax, ay, w, h, priority };
}

function overlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('label layout on screen', () => {
  it('a lone label sits centred above its anchor', () => {
    const b = box(200, 300);
    placeLabels([b], [], 800, 600, 200);
    expect(b).toEqual(expect.objectContaining({ x: 160, y: 270, lift: 0, shown: true }));
  });

  it('neighbours that would overlap are stacked, none overlapping, the nearer one low', () => {
    // Eight stations in a row as the overview sees them: anchors 50 px apart, labels 80 px wide.
    const boxes = Array.from({ length: 8 }, (_, k) => box(100 + k * 50, 400 + (k % 2)));
    placeLabels(boxes, [], 1024, 768, 300);
    const shown = boxes.filter((b) => b.shown);
    expect(shown).toHaveLength(8);
    for (const a of shown) for (const b of shown) if (a !== b) expect(overlap(a, b)).toBe(false);
    // Lifted ones are exactly one label (plus the gap) above the one below them.
    expect(boxes[1]!.lift).toBe(0);
    expect(boxes[0]!.y).toBe(boxes[1]!.y - LABEL_GAP - 30);
  });

  it('the selected station and one needing attention keep their place; the others give way', () => {
    const plain = box(300, 400, 80, 30, 0);
    const attention = box(320, 400, 80, 30, 2);
    const selected = box(310, 395, 80, 30, 3);
    placeLabels([plain, attention, selected], [], 800, 600, 300);
    expect(selected.lift).toBe(0);
    expect(attention.lift).toBeGreaterThan(0);
    expect(plain.lift).toBeGreaterThan(attention.lift);
  });

  it('labels stay inside the view sideways; one behind the camera, out of view or lifted too far is hidden', () => {
    const left = box(10, 300);
    const right = box(795, 300);
    const behind = { ...box(400, 300), behind: true };
    const out = box(400, 900);
    placeLabels([left, right, behind, out], [], 800, 600, 100);
    expect(left.x).toBe(0);
    expect(right.x).toBe(720);
    expect(behind.shown).toBe(false);
    expect(out.shown).toBe(false);
    const stack = Array.from({ length: 6 }, () => box(400, 500));
    placeLabels(stack, [], 800, 600, 70);
    expect(stack.filter((b) => b.shown)).toHaveLength(3);
  });

  it('stations out of the view to one side have no label, rather than a pile of them at its edge', () => {
    // Panned along a long line: three stations are off to the left, one is in view near the edge.
    const off = [box(-40, 400), box(-160, 420), box(-300, 380)];
    const edge = box(20, 400);
    const beyond = box(830, 400);
    placeLabels([...off, edge, beyond], [], 800, 600, 200);
    for (const b of off) expect(b.shown).toBe(false);
    expect(beyond.shown).toBe(false);
    // The one in view keeps its place at the edge, not lifted over labels of stations not seen.
    expect(edge).toEqual(expect.objectContaining({ x: 0, lift: 0, shown: true }));
  });

  it('a label at the top edge that did not rise stays in view', () => {
    const top = box(400, 10);
    placeLabels([top], [], 800, 600, 100);
    expect(top).toEqual(expect.objectContaining({ y: 0, shown: true }));
  });
});
