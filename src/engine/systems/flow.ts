/**
 * Moving parts between stations. Blocking after service: a finished part stays in its
 * station until the next one can take it. A buffer's capacity counts only its waiting parts.
 * Transfers take no time; stations touched by a change are settled in the order they were
 * touched, which is fixed by the model, so ties always break the same way.
 */
import { materialDefect } from './faults';
import { changeWip, pushLog, touchLevel } from '../write/ledger';
import { receive } from './process';
import type { Part, State } from '../core/state';
import { sample } from '../core/distributions';
import { type BufferSpec, type ConveyorSpec, type InspectionSpec, Kind, type SourceSpec, type StationSpec } from '../core/model';
import { Interlock, isRunning, Pack } from '../core/packml';
import { NEVER, TICKS_PER_SECOND } from '../core/time';
import { markInputs, markStation, popMarked, popTouched, touchStation } from '../core/worklist';
import { setStationNext } from '../core/agenda';

export function lotAvailable(s: State, i: number): boolean {
  const spec = s.model.stations[i] as SourceSpec;
  return spec.lots === null || s.stations[i]!.lotIndex < spec.lots.length;
}

/** Move to the next lot that is not quarantined, announcing the lot change on the line. */
export function nextLot(s: State, i: number, first: boolean): void {
  const spec = s.model.stations[i] as SourceSpec;
  const st = s.stations[i]!;
  if (spec.lots === null) return;
  let k = first ? 0 : st.lotIndex + 1;
  while (k < spec.lots.length && s.quarantined.includes(spec.lots[k]!.id)) k++;
  st.lotIndex = k;
  const lot = spec.lots[k];
  st.lotLeft = lot === undefined ? 0 : lot.quantity;
  if (lot !== undefined) pushLog(s, { tick: s.tick, kind: 'lot', station: spec.id, lot: lot.id });
  markStation(s, i);
}

function newPart(s: State, i: number): Part {
  const spec = s.model.stations[i] as SourceSpec;
  const st = s.stations[i]!;
  const lot = spec.lots === null ? '' : spec.lots[st.lotIndex]!.id;
  const part: Part = { id: s.nextPartId, born: s.tick, lot, dim: null, charOf: -1, defect: false, rework: 0, t: 0 };
  s.nextPartId += 1;
  part.defect = materialDefect(s, i, lot);
  changeWip(s, 0, 1, 0);
  st.c.processed += 1;
  if (spec.lots !== null) {
    st.lotLeft -= 1;
    if (st.lotLeft <= 0) nextLot(s, i, false);
  }
  return part;
}

function accepts(s: State, o: number, from: number): boolean {
  const spec = s.model.stations[o]!;
  const st = s.stations[o]!;
  switch (spec.kind) {
    case Kind.buffer:
      return st.queue.length < (spec as BufferSpec).capacity;
    case Kind.conveyor:
      return isRunning(st.pack) && st.queue.length < (spec as ConveyorSpec).capacity;
    case Kind.machine:
    case Kind.inspection:
      return isRunning(st.pack) && st.work === null && st.done === null;
    case Kind.assembly:
      if (!isRunning(st.pack) || st.work !== null || st.done !== null) return false;
      return st.kit[spec.inputs.indexOf(from)] === null;
    case Kind.sink:
      return true;
    default:
      return false;
  }
}

/**
 * Try to hand one part from station i downstream. True when it did and another may follow
 * (a buffer feeding parallel machines); a station holding one part at a time answers false.
 */
function tryPush(s: State, i: number): boolean {
  const spec = s.model.stations[i]!;
  const kind = spec.kind;
  if (kind === Kind.buffer || kind === Kind.conveyor) return pushQueue(s, i, spec);
  if (kind === Kind.source) return pushSource(s, i, spec as SourceSpec);
  if (kind === Kind.sink) return false;
  return pushDone(s, i, spec);
}

function pushSource(s: State, i: number, spec: SourceSpec): boolean {
  const st = s.stations[i]!;
  if (!isRunning(st.pack)) return false;
  const outputs = spec.outputs;
  if (spec.interarrival === null) {
    if (!lotAvailable(s, i)) return false;
    for (let k = 0; k < outputs.length; k++) {
      const o = outputs[k]!;
      if (accepts(s, o, i)) {
        receive(s, o, newPart(s, i), i);
        return outputs.length > 1;
      }
    }
    return false;
  }
  if (st.done === null) return false;
  for (let k = 0; k < outputs.length; k++) {
    const o = outputs[k]!;
    if (accepts(s, o, i)) {
      const part = st.done;
      st.done = null;
      receive(s, o, part, i);
      if (st.owed && lotAvailable(s, i)) {
        st.owed = false;
        st.done = newPart(s, i);
      }
      return st.done !== null;
    }
  }
  return false;
}

function pushQueue(s: State, i: number, spec: StationSpec): boolean {
  const st = s.stations[i]!;
  const head = st.queue[0];
  if (head === undefined) return false;
  if (spec.kind === Kind.conveyor && (!isRunning(st.pack) || head.t > s.tick)) return false;
  const outputs = spec.outputs;
  for (let k = 0; k < outputs.length; k++) {
    const o = outputs[k]!;
    if (accepts(s, o, i)) {
      touchLevel(s, i);
      st.queue.shift();
      receive(s, o, head, i);
      markInputs(s, i);
      // Another part may follow at once only where there is another way out or room behind.
      const taker = s.model.stations[o]!.kind;
      return outputs.length > 1 || taker === Kind.buffer || taker === Kind.sink || taker === Kind.conveyor;
    }
  }
  return false;
}

function pushDone(s: State, i: number, spec: StationSpec): boolean {
  const st = s.stations[i]!;
  const part = st.done;
  if (part === null || !isRunning(st.pack)) return false;
  // An inspection sends rework to its rework station and good parts anywhere else.
  const rework = spec.kind === Kind.inspection ? (spec as InspectionSpec).reworkTo : -1;
  const reworkPart = rework >= 0 && part.t === rework;
  const outputs = spec.outputs;
  for (let k = 0; k < outputs.length; k++) {
    const o = outputs[k]!;
    if (rework >= 0 && (o === rework) !== reworkPart) continue;
    if (accepts(s, o, i)) {
      st.done = null;
      part.t = 0;
      receive(s, o, part, i);
      markInputs(s, i);
      return false;
    }
  }
  return false;
}

/** Execute while working, Suspended while starved or blocked (PackTags EquipmentInterlock). */
function updateInterlock(s: State, i: number): void {
  const spec = s.model.stations[i]!;
  const st = s.stations[i]!;
  if (!isRunning(st.pack)) return;
  let interlock: Interlock = Interlock.None;
  switch (spec.kind) {
    case Kind.machine:
    case Kind.assembly:
    case Kind.inspection:
      interlock = st.work !== null ? Interlock.None : st.done !== null ? Interlock.Blocked : Interlock.Starved;
      break;
    case Kind.source:
      interlock =
        !lotAvailable(s, i) && st.done === null ? Interlock.Starved : st.done !== null && (spec as SourceSpec).interarrival !== null ? Interlock.Blocked : Interlock.None;
      break;
    case Kind.conveyor: {
      const head = st.queue[0];
      interlock = head !== undefined && head.t <= s.tick ? Interlock.Blocked : Interlock.None;
      break;
    }
    default:
      interlock = Interlock.None;
  }
  const pack = interlock === Interlock.None ? Pack.Execute : Pack.Suspended;
  if (st.pack !== pack) {
    st.c.stateTicks[st.pack] = (st.c.stateTicks[st.pack] ?? 0) + (s.tick - st.packSince);
    st.packSince = s.tick;
    st.pack = pack;
  }
  st.interlock = interlock;
}

function refreshNext(s: State, i: number): void {
  const spec = s.model.stations[i]!;
  const st = s.stations[i]!;
  let next = st.actingUntil;
  if (st.workEnd < next) next = st.workEnd;
  if (st.task !== null && st.task.until < next) next = st.task.until;
  if (spec.kind === Kind.source && st.nextRelease < next) next = st.nextRelease;
  if (spec.kind === Kind.conveyor && isRunning(st.pack)) {
    const head = st.queue[0];
    if (head !== undefined && head.t > s.tick && head.t < next) next = head.t;
  }
  setStationNext(s, i, next);
}

/** Propagate every change until the line is at rest for this tick. */
export function settle(s: State): void {
  for (let i = popMarked(); i >= 0; i = popMarked()) {
    touchStation(s, i);
    while (tryPush(s, i)) {
      // a buffer may feed several parallel machines in one tick
    }
  }
  const specs = s.model.stations;
  for (let i = popTouched(); i >= 0; i = popTouched()) {
    const kind = specs[i]!.kind;
    // Buffers and sinks are passive: always Execute, never a timer of their own.
    if (kind === Kind.buffer || kind === Kind.sink) continue;
    updateInterlock(s, i);
    refreshNext(s, i);
  }
}

/** A source with timed arrivals releases its next part, or owes it while blocked. */
export function sourceDue(s: State, i: number): void {
  const spec = s.model.stations[i] as SourceSpec;
  const st = s.stations[i]!;
  if (spec.interarrival === null) {
    st.nextRelease = NEVER;
    return;
  }
  if (!isRunning(st.pack)) {
    st.nextRelease = NEVER;
    st.owed = true;
    return;
  }
  if (st.done === null && lotAvailable(s, i)) st.done = newPart(s, i);
  else st.owed = true;
  st.nextRelease = s.tick + Math.max(1, Math.round(sample(spec.interarrival, st.rng) * TICKS_PER_SECOND));
  markStation(s, i);
}
