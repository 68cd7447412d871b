/**
 * The stations' labels: plain DOM over the canvas, a constant size on screen. Each frame the
 * projector finds every station's anchor on screen and lays the labels out so none hides another
 * (label-layout.ts), then moves them by writing their style: no React render per frame.
 */
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3 } from 'three';
import type { LineModel, StationSpec } from '../engine';
import type { SimStoreApi } from '../store/sim-store';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';
import { useNames } from '../store/use-names';
import { stateName, stopReasonText } from '../i18n/station-text';
import { lampSymbol } from './stack-light';
import { labelBox, type LabelBox, placeLabels } from './label-layout';
import type { Placement } from './layout';
import { topOf } from './StationModel';

/** The labels' elements and layout boxes, shared by the DOM layer and the projector in the canvas. */
export interface LabelRegistry {
  readonly els: (HTMLDivElement | null)[];
  readonly boxes: LabelBox[];
  readonly order: number[];
  /** What was last written to each element, so unchanged labels are not touched. */
  readonly written: string[];
}

export function labelRegistry(n: number): LabelRegistry {
  return { els: Array.from({ length: n }, () => null), boxes: Array.from({ length: n }, labelBox), order: [], written: Array.from({ length: n }, () => '') };
}

/** Height of a label's anchor above the station's top, metres. */
const ANCHOR_ABOVE_TOP = 0.6;
/** Priorities: the selected station's label first, then one that needs attention. */
const SELECTED = 3;
const ATTENTION = 2;

function StationLabel({ spec, registry }: { spec: StationSpec; registry: LabelRegistry }) {
  const { t } = useT();
  const names = useNames();
  const view = useSim((s) => s.observation?.stations[spec.index]);
  const selected = useSim((s) => s.selected === spec.id);
  const attention = view !== undefined && (view.stateName === 'Held' || view.stateName === 'Aborted');
  return (
    <div
      ref={(el) => {
        registry.els[spec.index] = el;
        registry.written[spec.index] = '';
      }}
      className={`label3d ${attention ? 'attention' : ''} ${selected ? 'selected' : ''}`}
      data-label={spec.id}
      style={{ visibility: 'hidden' }}
    >
      <b>{names.station(spec.id)}</b>
      {view && (
        <span>
          <span className="lamp-symbol" aria-hidden="true">
            {lampSymbol(view.state, view.interlock)}
          </span>{' '}
          {stateName(view, t)}
          {view.lockedOut ? ' · LOTO' : ''}
        </span>
      )}
      {/* The stop reason in words, with its OMAC id (a bare number told a student nothing). */}
      {view && view.stopReason !== 0 && <span data-testid="label-reason">{`${view.stopReason} ${stopReasonText(view.stopReason, t)}`}</span>}
      <span className="sr-only">{t(`type.${spec.type}`)}</span>
    </div>
  );
}

/** The DOM layer over the canvas that holds the labels. */
export function StationLabels({ model, registry }: { model: LineModel; registry: LabelRegistry }) {
  return (
    <div className="labels-layer" data-testid="labels-layer">
      {model.stations.map((spec) => (
        <StationLabel key={spec.id} spec={spec} registry={registry} />
      ))}
    </div>
  );
}

/** Inside the canvas: projects the anchors and places the labels, every frame drawn. */
export function LabelProjector({ model, places, registry, api }: { model: LineModel; places: readonly Placement[]; registry: LabelRegistry; api: SimStoreApi }) {
  const v = useRef(new Vector3()).current;
  useFrame(({ camera, size }) => {
    const s = api.getState();
    const stations = s.observation?.stations;
    const n = model.stations.length;
    // Read every size first, then write every position: one layout pass, no thrashing.
    for (let i = 0; i < n; i++) {
      const el = registry.els[i];
      const b = registry.boxes[i]!;
      const spec = model.stations[i]!;
      const place = places[i];
      if (!el || !place) {
        b.w = 0;
        continue;
      }
      v.set(place.x, topOf(spec.type) + ANCHOR_ABOVE_TOP, place.z).project(camera);
      b.behind = v.z > 1;
      b.ax = ((v.x + 1) / 2) * size.width;
      b.ay = ((1 - v.y) / 2) * size.height;
      b.w = el.offsetWidth;
      b.h = el.offsetHeight;
      const state = stations?.[i]?.stateName;
      b.priority = s.selected === spec.id ? SELECTED : state === 'Held' || state === 'Aborted' ? ATTENTION : 0;
    }
    placeLabels(registry.boxes, registry.order, size.width, size.height, size.height * 0.35);
    for (let i = 0; i < n; i++) {
      const el = registry.els[i];
      if (!el) continue;
      const b = registry.boxes[i]!;
      const x = Math.round(b.x);
      const y = Math.round(b.y);
      const lift = Math.round(b.lift);
      const key = b.shown ? `${x},${y},${lift},${Math.round(b.ax - b.x)}` : 'hidden';
      if (registry.written[i] === key) continue;
      registry.written[i] = key;
      el.style.visibility = b.shown ? 'visible' : 'hidden';
      if (!b.shown) continue;
      el.style.transform = `translate(${x}px, ${y}px)`;
      // The leader line down to the station, from where its anchor is under the label.
      el.style.setProperty('--lift', `${lift}px`);
      el.style.setProperty('--anchor-x', `${Math.round(b.ax - b.x)}px`);
    }
  });
  return null;
}
