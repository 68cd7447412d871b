/**
 * Faults in the editor: a new fault of any catalogue type at a station that can have it, and
 * when each fault starts, for the timeline.
 */
import type { FaultType } from '../engine';
import { parseDuration } from '../scenario/duration';
import { asArray, type Draft, getAt, isObject, type Json, removeFrom, setAt } from './draft';
import { stationsOf } from './graph';
import { FAULT_TEMPLATES, LINE_WIDE_FAULTS } from './templates';

/** The station types a fault of each type can be put on (the file check's rules). */
export function stationsFor(draft: Draft, type: FaultType): string[] {
  const ok = (st: { [key: string]: Json }): boolean => {
    switch (type) {
      case 'conveyorJam':
        return st.type === 'conveyor';
      case 'toolWear':
        return st.type === 'machine' && st.characteristic !== undefined;
      case 'calibrationOffset':
        return st.type === 'inspection';
      case 'spindleOverheating':
        return st.type === 'machine';
      case 'breakdown':
        return st.type === 'machine' || st.type === 'assembly' || st.type === 'inspection' || st.type === 'conveyor';
      case 'sensorStuck':
      case 'sensorNoisy':
      case 'sensorDead':
        return st.type !== 'source' && st.type !== 'sink' && st.type !== 'buffer';
      default:
        return st.type === 'machine' || st.type === 'assembly' || st.type === 'inspection';
    }
  };
  return stationsOf(draft)
    .filter(ok)
    .map((s) => String(s.id));
}

function freeFaultId(draft: Draft, type: string): string {
  const used = new Set(asArray(getAt(draft, ['faults'])).map((f) => (isObject(f) ? f.id : null)));
  for (let k = 1; ; k++) if (!used.has(`${type}-${k}`)) return `${type}-${k}`;
}

/** A new fault at the end of the list: at the first station that can have it, starting at 10 min. */
export function addFault(draft: Draft, type: FaultType, station?: string): { draft: Draft; index: number } {
  const list = asArray(getAt(draft, ['faults']));
  const at = station ?? stationsFor(draft, type)[0];
  const fault: { [key: string]: Json } = { id: freeFaultId(draft, type), type, ...(LINE_WIDE_FAULTS.has(type) || at === undefined ? {} : { station: at }) };
  if (type !== 'badMaterialLot') fault.trigger = { at: '10m' };
  Object.assign(fault, FAULT_TEMPLATES[type]);
  return { draft: setAt(draft, ['faults', list.length], fault), index: list.length };
}

export function removeFault(draft: Draft, index: number): Draft {
  return removeFrom(draft, ['faults'], index);
}

export type Start =
  | { readonly kind: 'at'; readonly seconds: number }
  | { readonly kind: 'afterParts'; readonly parts: number }
  | { readonly kind: 'random'; readonly meanSeconds: number | null }
  | { readonly kind: 'manual' }
  | { readonly kind: 'lot'; readonly lot: string }
  | { readonly kind: 'unknown' };

export interface TimelineEntry {
  readonly index: number;
  readonly id: string;
  readonly type: string;
  readonly station: string | null;
  readonly start: Start;
}

function startOf(f: { [key: string]: Json }): Start {
  if (f.type === 'badMaterialLot') return { kind: 'lot', lot: String(f.lot ?? '') };
  const t = f.trigger;
  if (t === undefined) return { kind: 'at', seconds: 0 };
  if (!isObject(t)) return { kind: 'unknown' };
  if ('at' in t) {
    const s = parseDuration(t.at as string | number);
    return s === null ? { kind: 'unknown' } : { kind: 'at', seconds: s };
  }
  if ('afterParts' in t && typeof t.afterParts === 'number') return { kind: 'afterParts', parts: t.afterParts };
  if ('manual' in t) return { kind: 'manual' };
  if ('mtbf' in t) return { kind: 'random', meanSeconds: parseDuration(t.mtbf as string | number) };
  if ('random' in t) return { kind: 'random', meanSeconds: null };
  return { kind: 'unknown' };
}

export function timeline(draft: Draft): TimelineEntry[] {
  return asArray(getAt(draft, ['faults'])).flatMap((f, index) =>
    isObject(f) ? [{ index, id: String(f.id ?? ''), type: String(f.type ?? ''), station: typeof f.station === 'string' ? f.station : null, start: startOf(f) }] : [],
  );
}
