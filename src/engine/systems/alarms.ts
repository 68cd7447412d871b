/**
 * Alarms with the ISA-18.2 / IEC 62682 state model (DOMAIN §3): Normal, Unacknowledged,
 * Acknowledged, Return-to-normal unacknowledged, Shelved, Suppressed by design. Acknowledge
 * silences; it never clears. Sensor rules are scanned at a fixed period, like a control
 * system's alarm scan; state rules are evaluated when the station's state changes.
 */
import { FLOOD_WINDOW_TICKS } from '../core/alarm-flood';
import { holdingCause } from '../read/fault-effects';
import { stationFails } from './faults';
import { pushLog } from '../write/ledger';
import { reading } from '../read/sensors';
import type { AlarmPhase, State } from '../core/state';
import type { AlarmRule } from '../core/model';
import { isRunning, isOperatorReason, Pack } from '../core/packml';
import { type Refusal, refusal } from '../core/refusals';
import { NEVER } from '../core/time';

/** ISA-18.2 flood: more than 10 alarms in 10 minutes for one operator. */

function setPhase(s: State, ai: number, phase: AlarmPhase): void {
  const al = s.alarms[ai]!;
  if (al.phase === phase) return;
  al.phase = phase;
  al.lastChange = s.tick;
  const rule = s.model.alarms[ai]!;
  pushLog(s, { tick: s.tick, kind: 'alarm', alarm: rule.id, phase, priority: rule.priority });
}

function becomeActive(s: State, ai: number): void {
  const al = s.alarms[ai]!;
  const rule = s.model.alarms[ai]!;
  al.active = true;
  al.activations += 1;
  al.raisedAt = s.tick;
  al.ackedAt = -1;
  s.recentActivations.push(s.tick);
  while (s.recentActivations.length > 0 && s.recentActivations[0]! <= s.tick - FLOOD_WINDOW_TICKS) s.recentActivations.shift();
  if (al.phase === 'normal' || al.phase === 'rtnUnack') setPhase(s, ai, 'unack');
  if (rule.tripReason !== 0) stationFails(s, rule.station, rule.tripReason, false);
}

function becomeInactive(s: State, ai: number): void {
  const al = s.alarms[ai]!;
  al.active = false;
  if (al.phase === 'unack') setPhase(s, ai, 'rtnUnack');
  else if (al.phase === 'ack') setPhase(s, ai, 'normal');
}

/** Feed the raw condition through suppression, on/off delays and the state machine. */
function update(s: State, ai: number, raw: boolean): void {
  const al = s.alarms[ai]!;
  const rule = s.model.alarms[ai]!;
  const st = s.stations[rule.station]!;
  if (rule.suppressWhenStopped && !isRunning(st.pack)) {
    if (al.phase !== 'shelved' && al.phase !== 'suppressed') {
      al.active = false;
      al.pendingSince = -1;
      setPhase(s, ai, 'suppressed');
    }
    return;
  }
  if (al.phase === 'suppressed') setPhase(s, ai, 'normal');
  if (raw === al.active) {
    al.pendingSince = -1;
    return;
  }
  if (al.pendingSince < 0) al.pendingSince = s.tick;
  const delay = raw ? rule.onDelayTicks : rule.offDelayTicks;
  if (s.tick - al.pendingSince < delay) return;
  al.pendingSince = -1;
  if (raw) becomeActive(s, ai);
  else becomeInactive(s, ai);
}

function rawCondition(s: State, rule: AlarmRule, active: boolean): boolean {
  const c = rule.condition;
  switch (c.kind) {
    case 'high': {
      const r = reading(s, c.sensor, s.tick);
      if (r.value === null) return false;
      return active ? r.value > c.limit - c.deadband : r.value > c.limit;
    }
    case 'low': {
      const r = reading(s, c.sensor, s.tick);
      if (r.value === null) return false;
      return active ? r.value < c.limit + c.deadband : r.value < c.limit;
    }
    case 'bad':
      return reading(s, c.sensor, s.tick).quality === 'bad';
    case 'stopped': {
      // The alarm's cause is the fault, not the state it put the station in: an operator's
      // Stop or Reset changes the state but leaves a drive fault standing, so the alarm stays
      // active until the cause is gone (ISA-18.2: only acknowledge, shelve or suppression by
      // design may hide it). A line trip (power dip, E-stop) has no cause left in the
      // station once it is cleared, so that alarm lasts while the station stays tripped.
      const st = s.stations[c.station]!;
      const trippedByFault =
        st.pack === Pack.Held || st.pack === Pack.Holding || st.pack === Pack.Aborted || st.pack === Pack.Aborting;
      if (trippedByFault && st.stopReason !== 0 && !isOperatorReason(st.stopReason)) return true;
      return !isRunning(st.pack) && holdingCause(s, c.station) !== 0;
    }
  }
}

/** The periodic scan of the sensor rules. */
export function scanAlarms(s: State): void {
  const rules = s.model.alarms;
  for (let ai = 0; ai < rules.length; ai++) {
    const rule = rules[ai]!;
    if (rule.condition.kind === 'stopped') continue;
    update(s, ai, rawCondition(s, rule, s.alarms[ai]!.active));
  }
}

/** State rules of station i, evaluated on each of its state changes. */
export function evaluateStoppedAlarms(s: State, i: number): void {
  for (const ai of s.model.alarmsOf[i]!) {
    const rule = s.model.alarms[ai]!;
    if (rule.condition.kind !== 'stopped') continue;
    update(s, ai, rawCondition(s, rule, s.alarms[ai]!.active));
  }
}

export function acknowledge(s: State, ai: number): '' | Refusal {
  const al = s.alarms[ai]!;
  if (al.phase === 'unack') setPhase(s, ai, 'ack');
  else if (al.phase === 'rtnUnack') setPhase(s, ai, 'normal');
  else return refusal('nothingToAck');
  al.ackedAt = s.tick;
  return '';
}

export function shelve(s: State, ai: number, ticks: number): '' | Refusal {
  const al = s.alarms[ai]!;
  if (al.phase === 'shelved') return refusal('alreadyShelved');
  if (al.phase === 'suppressed') return refusal('suppressedByDesign');
  al.shelvedUntil = s.tick + ticks;
  setPhase(s, ai, 'shelved');
  return '';
}

export function unshelve(s: State, ai: number): void {
  const al = s.alarms[ai]!;
  if (al.phase !== 'shelved') return;
  al.shelvedUntil = NEVER;
  setPhase(s, ai, al.active ? 'unack' : 'normal');
}

/** Shelving is temporary: expired shelves return the alarm to service. */
export function expireShelves(s: State): void {
  for (let ai = 0; ai < s.alarms.length; ai++) {
    if (s.alarms[ai]!.shelvedUntil <= s.tick) unshelve(s, ai);
  }
}

export function nextShelfExpiry(s: State): number {
  let next = NEVER;
  for (const al of s.alarms) if (al.shelvedUntil < next) next = al.shelvedUntil;
  return next;
}
