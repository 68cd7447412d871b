/**
 * The evidence trail of a scenario, as data beside its scripted responses: what a technician
 * can see, and by which tick, if nobody does anything. Checked against `observe()` only, so it
 * is evidence a student really has (never the hidden truth).
 */
import type { Observation } from '../../src/engine';
import { imrLimits, violations } from '../../src/assessment/spc';

export type Evidence =
  | { readonly by: number; readonly station: string; readonly state?: string; readonly stopReason?: number; readonly interlock?: 'none' | 'starved' | 'blocked' }
  | { readonly by: number; readonly alarm: string }
  | { readonly by: number; readonly sensor: string; readonly above?: number; readonly below?: number; readonly equals?: number; readonly bad?: boolean }
  | { readonly by: number; readonly spc: string }
  | { readonly by: number; readonly scrapAbove: number }
  | { readonly by: number; readonly performanceBelow: string; readonly value: number }
  | { readonly by: number; readonly flood: true };

/** Why the evidence is not there, or null when it is. */
export function missing(e: Evidence, o: Observation): string | null {
  const st = (id: string) => o.stations.find((s) => s.id === id);
  if ('station' in e) {
    const s = st(e.station);
    if (!s) return `no station ${e.station}`;
    if (e.state !== undefined && s.stateName !== e.state) return `${e.station} is ${s.stateName}, not ${e.state}`;
    if (e.stopReason !== undefined && s.stopReason !== e.stopReason) return `${e.station} stop reason ${s.stopReason}, not ${e.stopReason}`;
    if (e.interlock !== undefined && s.interlock !== e.interlock) return `${e.station} interlock ${s.interlock}, not ${e.interlock}`;
    return null;
  }
  // Raised and still in the operator's list (active, or returned to normal but unacknowledged):
  // a chattering alarm counts even in the instant it is not active.
  if ('alarm' in e) {
    const raised = o.alarms.some((a) => a.id === e.alarm && (a.active || a.phase === 'unack' || a.phase === 'rtnUnack'));
    return raised ? null : `alarm ${e.alarm} is not raised (${o.alarms.map((a) => `${a.id}:${a.phase}`).join(', ') || 'none'})`;
  }
  if ('sensor' in e) {
    const sensor = o.stations.flatMap((s) => s.sensors).find((x) => x.id === e.sensor);
    if (!sensor) return `no sensor ${e.sensor}`;
    if (e.bad === true) return sensor.quality === 'bad' ? null : `${e.sensor} quality is ${sensor.quality}`;
    const v = sensor.value;
    if (v === null) return `${e.sensor} has no value`;
    if (e.above !== undefined && !(v > e.above)) return `${e.sensor} = ${v}, not above ${e.above}`;
    if (e.below !== undefined && !(v < e.below)) return `${e.sensor} = ${v}, not below ${e.below}`;
    if (e.equals !== undefined && v !== e.equals) return `${e.sensor} = ${v}, not ${e.equals}`;
    return null;
  }
  if ('spc' in e) {
    // What the faceplate's chart shows: the last 60 parts, limits from its first 20.
    const values = (st(e.spc)?.measured ?? []).map(([, v]) => v).slice(-60);
    const limits = imrLimits(values.slice(0, Math.min(20, values.length)));
    if (limits === null) return `${e.spc}: not enough parts measured`;
    return violations(values, limits).length > 0 ? null : `${e.spc}: no SPC rule fires`;
  }
  if ('scrapAbove' in e) return o.kpis.line.scrapParts > e.scrapAbove ? null : `line scrap ${o.kpis.line.scrapParts}, not above ${e.scrapAbove}`;
  if ('performanceBelow' in e) {
    const k = o.kpis.stations.find((s) => s.id === e.performanceBelow);
    const perf = k?.oee?.performance ?? null;
    return perf !== null && perf < e.value ? null : `${e.performanceBelow} performance ${perf}, not below ${e.value}`;
  }
  return o.flood ? null : 'no alarm flood';
}
