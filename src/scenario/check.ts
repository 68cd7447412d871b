/**
 * Checks a schema cannot express: ids are unique and exist, the graph is connected with no
 * dangling ends, each station has the inputs and outputs its type needs, and each fault and
 * alarm fits where it is put.
 */
import { DEFAULT_RESOLVED_BY, sensorKindsOf } from './defaults';
import { type ScenarioError, suggestion } from './errors';
import { parseDuration } from './duration';
import { MAX_REPORTED_ERRORS } from './limits';
import type { ScenarioFile, StationFile } from './schema';
import { type RepairAction, repairApplies, type StationHas } from '../engine/core/model';

function sensorKinds(st: StationFile, measures: boolean): string[] {
  const usesAir = 'usesAir' in st && st.usesAir === true;
  const hasChar = st.type === 'machine' && st.characteristic !== undefined;
  return sensorKindsOf(st.type, usesAir, hasChar, measures);
}

function stationHas(st: StationFile, measures: boolean): StationHas {
  const kinds = sensorKinds(st, measures);
  return { sensors: kinds.length > 0, gauge: kinds.includes('dimension'), air: 'usesAir' in st && st.usesAir === true };
}

/** Inspections measure when a machine upstream of them gives parts a characteristic. */
export function measuringStations(sc: ScenarioFile): Set<string> {
  const byId = new Map(sc.line.stations.map((s) => [s.id, s]));
  const inputs = new Map<string, string[]>();
  for (const [from, to] of sc.line.connections) inputs.set(to, [...(inputs.get(to) ?? []), from]);
  const out = new Set<string>();
  for (const st of sc.line.stations) {
    if (st.type !== 'inspection') continue;
    const seen = new Set<string>();
    const stack = [...(inputs.get(st.id) ?? [])];
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (seen.has(u)) continue;
      seen.add(u);
      const s = byId.get(u);
      if (s?.type === 'machine' && s.characteristic !== undefined) {
        out.add(st.id);
        break;
      }
      stack.push(...(inputs.get(u) ?? []));
    }
  }
  return out;
}

export function checkScenario(sc: ScenarioFile): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const stations = sc.line.stations;
  const ids = stations.map((s) => s.id);
  const index = new Map<string, number>();
  stations.forEach((s, i) => {
    if (index.has(s.id)) err(`line.stations[${i}].id`, `"${s.id}" is already used by line.stations[${index.get(s.id)}]`);
    else index.set(s.id, i);
  });
  // Suggestions cost a distance per station: only the errors that will be listed get one.
  const unknown = (id: string) => `there is no station "${id}"${errors.length < MAX_REPORTED_ERRORS ? suggestion(id, ids) : ''}`;

  const ins = new Map<string, string[]>();
  const outs = new Map<string, string[]>();
  const pairs = new Set<string>();
  sc.line.connections.forEach(([from, to], k) => {
    if (!index.has(from)) err(`line.connections[${k}][0]`, unknown(from));
    if (!index.has(to)) err(`line.connections[${k}][1]`, unknown(to));
    if (from === to) err(`line.connections[${k}]`, `a station cannot feed itself ("${from}")`);
    if (pairs.has(`${from}>${to}`)) err(`line.connections[${k}]`, `"${from}" → "${to}" is listed twice`);
    pairs.add(`${from}>${to}`);
    outs.set(from, [...(outs.get(from) ?? []), to]);
    ins.set(to, [...(ins.get(to) ?? []), from]);
  });

  stations.forEach((st, i) => {
    const p = `line.stations[${i}]`;
    const nIn = ins.get(st.id)?.length ?? 0;
    const nOut = outs.get(st.id)?.length ?? 0;
    if (st.type === 'source') {
      if (nIn > 0) err(p, `source "${st.id}" cannot have inputs (it gets ${ins.get(st.id)!.join(', ')})`);
      if (nOut === 0) err(p, `source "${st.id}" feeds nothing: connect it to a station`);
    } else if (st.type === 'sink') {
      if (nOut > 0) err(p, `sink "${st.id}" cannot feed other stations`);
      if (nIn === 0) err(p, `sink "${st.id}" receives nothing: connect a station to it`);
    } else {
      if (nIn === 0) err(p, `"${st.id}" has no input: a dangling end`);
      if (nOut === 0) err(p, `"${st.id}" has no output: a dangling end`);
    }
    if (st.type === 'assembly' && nIn < 2) err(p, `assembly "${st.id}" needs two or more inputs; it has ${nIn}`);
    if (st.type === 'machine' && nIn > 1) err(p, `machine "${st.id}" takes one input; put a buffer before it to merge flows`);
    if (st.type === 'inspection' && st.reworkTo !== undefined) {
      if (!index.has(st.reworkTo)) err(`${p}.reworkTo`, unknown(st.reworkTo));
      else if (!(outs.get(st.id) ?? []).includes(st.reworkTo)) err(`${p}.reworkTo`, `"${st.reworkTo}" must also be connected from "${st.id}"`);
      else if (nOut < 2) err(`${p}.reworkTo`, `"${st.id}" needs another output for good parts besides rework`);
    }
    if (st.type === 'source' && st.lots) {
      const seen = new Set<string>();
      st.lots.forEach((l, k) => {
        if (seen.has(l.id)) err(`${p}.lots[${k}].id`, `lot "${l.id}" is listed twice`);
        seen.add(l.id);
      });
    }
  });

  // Connected, no dangling ends: every station is reached from a source and reaches a sink.
  if (errors.length === 0) {
    const reach = (starts: string[], next: Map<string, string[]>) => {
      const seen = new Set<string>(starts);
      const stack = [...starts];
      while (stack.length > 0) for (const v of next.get(stack.pop()!) ?? []) if (!seen.has(v)) (seen.add(v), stack.push(v));
      return seen;
    };
    const fromSources = reach(stations.filter((s) => s.type === 'source').map((s) => s.id), outs);
    const toSinks = reach(stations.filter((s) => s.type === 'sink').map((s) => s.id), ins);
    stations.forEach((st, i) => {
      if (!fromSources.has(st.id)) err(`line.stations[${i}]`, `"${st.id}" cannot be reached from any source`);
      else if (!toSinks.has(st.id)) err(`line.stations[${i}]`, `no path leads from "${st.id}" to a sink`);
    });
  }

  const warm = parseDuration(sc.warmup ?? 0) ?? 0;
  const dur = parseDuration(sc.duration) ?? 0;
  if (warm >= dur) err('warmup', `must be shorter than the duration (${sc.duration})`);

  const measuring = measuringStations(sc);
  const lots = new Set<string>();
  for (const st of stations) if (st.type === 'source') for (const l of st.lots ?? []) lots.add(l.id);
  const faultIds = new Map<string, number>();
  (sc.faults ?? []).forEach((f, k) => {
    const p = `faults[${k}]`;
    if (faultIds.has(f.id)) err(`${p}.id`, `"${f.id}" is already used by faults[${faultIds.get(f.id)}]`);
    faultIds.set(f.id, k);
    if (f.temptingFix !== undefined && (f.resolvedBy ?? DEFAULT_RESOLVED_BY[f.type]).includes(f.temptingFix)) {
      err(`${p}.temptingFix`, `"${f.temptingFix}" is one of the repairs that fix this fault (resolvedBy): the tempting fix must be one that does not`);
    }
    const lineWide = f.type === 'airPressureDrop' || f.type === 'powerDip' || f.type === 'eStop' || f.type === 'badMaterialLot';
    if (f.station === undefined) {
      if (!lineWide) err(`${p}.station`, `a ${f.type} fault needs a station`);
    } else if (!index.has(f.station)) {
      err(`${p}.station`, unknown(f.station));
      return;
    }
    const st = f.station === undefined ? undefined : stations[index.get(f.station)!]!;
    const kinds = st ? sensorKinds(st, measuring.has(st.id)) : [];
    switch (f.type) {
      case 'conveyorJam':
        if (st && st.type !== 'conveyor') err(`${p}.station`, `a conveyor jam needs a conveyor; "${st.id}" is a ${st.type}`);
        break;
      case 'toolWear':
        if (st && !(st.type === 'machine' && st.characteristic)) err(`${p}.station`, `tool wear needs a machine with a characteristic; "${st.id}" has none`);
        break;
      case 'calibrationOffset':
        if (st && !kinds.includes('dimension')) err(`${p}.station`, `a calibration offset needs a station with a gauge; "${st.id}" measures nothing`);
        break;
      case 'bearingWear':
      case 'lubricationFailure':
      case 'spindleOverheating':
      case 'wrongParameter':
      case 'gripperMisalignment':
      case 'breakdown':
        if (st && !(st.type === 'machine' || st.type === 'assembly' || st.type === 'inspection' || (f.type === 'breakdown' && st.type === 'conveyor'))) {
          err(`${p}.station`, `a ${f.type} fault needs a machine; "${st.id}" is a ${st.type}`);
        }
        if (f.type === 'spindleOverheating' && st && st.type !== 'machine') err(`${p}.station`, `"${st.id}" has no spindle`);
        if (f.type === 'gripperMisalignment' && st && st.type !== 'assembly') err(`${p}.station`, `a gripper misalignment needs a robot (an assembly station); "${st.id}" is a ${st.type}`);
        if (f.type === 'breakdown' && f.repair === 'auto' && f.mttr === undefined) err(`${p}.mttr`, 'an automatic repair needs a repair time (mttr)');
        break;
      case 'sensorStuck':
      case 'sensorNoisy':
      case 'sensorDead':
        if (st && !kinds.includes(f.sensor)) err(`${p}.sensor`, `"${st.id}" has no ${f.sensor} sensor; it has ${kinds.join(', ') || 'none'}`);
        break;
      case 'badMaterialLot':
        if (!lots.has(f.lot)) err(`${p}.lot`, `there is no lot "${f.lot}" in any source${suggestion(f.lot, [...lots])}`);
        if (f.trigger !== undefined) err(`${p}.trigger`, 'a bad lot starts when the lot is released: leave the trigger out');
        break;
      case 'powerDip':
      case 'eStop':
        (f.stations ?? []).forEach((sid, j) => {
          if (!index.has(sid)) err(`${p}.stations[${j}]`, unknown(sid));
        });
        break;
      default:
        break;
    }
    // Each repair that cures the fault, and its tempting fix, must be one a technician can make
    // there (the engine refuses the others): else the drill cannot be solved, or its trap is not one.
    const fixes: [string, RepairAction][] = (f.resolvedBy ?? DEFAULT_RESOLVED_BY[f.type]).map((a, j) => [f.resolvedBy ? `${p}.resolvedBy[${j}]` : `${p}.type`, a]);
    if (f.temptingFix !== undefined) fixes.push([`${p}.temptingFix`, f.temptingFix]);
    for (const [path, action] of fixes) {
      if (st !== undefined) {
        if (!repairApplies(action, st.type, stationHas(st, measuring.has(st.id)))) err(path, `"${action}" cannot be done at "${st.id}", a ${st.type}`);
      } else if (!stations.some((x) => repairApplies(action, x.type, stationHas(x, measuring.has(x.id))))) {
        err(path, `"${action}" cannot be done at any station of this line`);
      }
    }
    if (f.type !== 'badMaterialLot' && f.trigger === undefined) err(`${p}.trigger`, 'say when the fault starts: {"at": "10m"}, {"afterParts": 50} or {"mtbf": "1h"}, or {"manual": true} for the instructor to start it');
    if (f.trigger && 'afterParts' in f.trigger && f.station === undefined) err(`${p}.trigger`, 'afterParts counts the parts of a station: give the fault a station');
  });

  (sc.alarms?.rules ?? []).forEach((r, k) => {
    const p = `alarms.rules[${k}]`;
    if (!index.has(r.station)) {
      err(`${p}.station`, unknown(r.station));
      return;
    }
    const st = stations[index.get(r.station)!]!;
    if (r.condition !== 'stopped') {
      const kinds = sensorKinds(st, measuring.has(st.id));
      if (r.sensor === undefined) err(`${p}.sensor`, `a ${r.condition} alarm needs a sensor`);
      else if (!kinds.includes(r.sensor)) err(`${p}.sensor`, `"${st.id}" has no ${r.sensor} sensor; it has ${kinds.join(', ') || 'none'}`);
      if ((r.condition === 'high' || r.condition === 'low') && r.limit === undefined) err(`${p}.limit`, `a ${r.condition} alarm needs a limit`);
    }
  });
  return errors;
}
