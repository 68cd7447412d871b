/** The headless runner's report: one JSON object, or a readable table of the same figures. */
import type { Assessment } from '../assessment';
import type { Kpis, State } from '../engine';
import { stateHash, TICKS_PER_SECOND } from '../engine';

export interface SimReport {
  readonly scenario: string;
  readonly seed: number;
  readonly ticks: number;
  readonly simulatedSeconds: number;
  readonly warmupSeconds: number;
  readonly stateHash: string;
  readonly line: {
    readonly goodParts: number;
    readonly scrapParts: number;
    readonly throughputPerHour: number;
    readonly wipAverage: number;
    readonly leadTimeAverageSeconds: number;
    readonly oee: { readonly availability: number; readonly performance: number; readonly quality: number; readonly oee: number };
    readonly constraint: string;
  };
  readonly stations: Readonly<Record<string, unknown>>;
  readonly assessment?: Assessment;
}

export function buildReport(s: State, k: Kpis, assessment: Assessment | null): SimReport {
  const stations: Record<string, unknown> = {};
  for (const st of k.stations) {
    stations[st.id] = {
      type: st.type,
      stateFractions: st.stateFractions,
      oee: st.oee,
      processed: st.processed,
      good: st.good,
      scrap: st.scrap,
      rework: st.rework,
      failures: st.failures,
      mtbfSeconds: st.mtbfSeconds,
      mttrSeconds: st.mttrSeconds,
      ...(st.levelAverage === null ? {} : { levelAverage: st.levelAverage }),
    };
  }
  const report: SimReport = {
    scenario: s.model.id,
    seed: s.seed,
    ticks: s.tick,
    simulatedSeconds: s.tick / TICKS_PER_SECOND,
    warmupSeconds: s.model.warmupTicks / TICKS_PER_SECOND,
    stateHash: stateHash(s),
    line: {
      goodParts: k.line.goodParts,
      scrapParts: k.line.scrapParts,
      throughputPerHour: k.line.throughputPerHour,
      wipAverage: k.line.wipAverage,
      leadTimeAverageSeconds: k.line.leadTimeAverageSeconds,
      oee: k.line.oee,
      constraint: k.line.constraint,
    },
    stations,
  };
  return assessment === null ? report : { ...report, assessment };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const pad = (v: string, n: number) => v.padEnd(n);

export function formatTable(r: SimReport, k: Kpis): string {
  const lines: string[] = [];
  lines.push(`Scenario ${r.scenario}, seed ${r.seed}: ${(r.simulatedSeconds / 86400).toFixed(2)} days simulated (${r.ticks} ticks), warm-up ${(r.warmupSeconds / 3600).toFixed(1)} h`);
  lines.push(`State hash ${r.stateHash}`);
  lines.push('');
  lines.push(`Line: ${r.line.goodParts} good, ${r.line.scrapParts} scrap, ${r.line.throughputPerHour.toFixed(2)} good/h, WIP ${r.line.wipAverage.toFixed(2)}, lead time ${r.line.leadTimeAverageSeconds.toFixed(0)} s`);
  lines.push(`OEE ${pct(r.line.oee.oee)} = A ${pct(r.line.oee.availability)} × P ${pct(r.line.oee.performance)} × Q ${pct(r.line.oee.quality)} (constraint ${r.line.constraint})`);
  lines.push('');
  lines.push(`${pad('station', 10)}${pad('type', 12)}${pad('processed', 11)}${pad('OEE', 9)}${pad('Execute', 9)}${pad('Suspend', 9)}${pad('Held', 9)}${pad('fails', 7)}${pad('MTBF s', 9)}MTTR s`);
  for (const st of k.stations) {
    const f = st.stateFractions;
    lines.push(
      `${pad(st.id, 10)}${pad(st.type, 12)}${pad(String(st.processed), 11)}${pad(st.oee === null ? '-' : pct(st.oee.oee), 9)}${pad(pct(f.Execute ?? 0), 9)}${pad(pct(f.Suspended ?? 0), 9)}${pad(pct(f.Held ?? 0), 9)}${pad(String(st.failures), 7)}${pad(st.mtbfSeconds === null ? '-' : st.mtbfSeconds.toFixed(0), 9)}${st.mttrSeconds === null ? '-' : st.mttrSeconds.toFixed(0)}`,
    );
  }
  if (r.assessment) {
    const a = r.assessment;
    lines.push('');
    lines.push(`Assessment: score ${a.score} (${a.passed ? 'passed' : 'not passed'}, pass at ${a.passScore})`);
    for (const f of a.faults) {
      const t = (v: number | null) => (v === null ? '-' : `${Math.round(v)} s`);
      lines.push(`  ${f.id} (${f.type} at ${f.station ?? 'line'}): detect ${t(f.detectSeconds)}, diagnose ${t(f.diagnoseSeconds)}, restore ${t(f.restoreSeconds)}${f.resolved ? '' : ', NOT FIXED'}`);
    }
    for (const p of a.penalties) lines.push(`  -${p.points.toFixed(1)}: ${p.reason}`);
    for (const b of a.safetyBreaches) lines.push(`  SAFETY: ${b.what} at ${b.station}`);
  }
  return lines.join('\n');
}
