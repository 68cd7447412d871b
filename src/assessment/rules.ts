import { parseDuration, type ScenarioFile } from '../scenario';
import { DEFAULT_SCORING, type ScoringRules } from './assess';

/** The scoring rules a scenario states, over the defaults. */
export function scoringRules(sc: ScenarioFile): ScoringRules {
  const d = DEFAULT_SCORING;
  const s = sc.scoring ?? {};
  const t = s.targets ?? {};
  const pen = s.penalties ?? {};
  const secs = (v: string | number | undefined, fallback: number) => (v === undefined ? fallback : (parseDuration(v) ?? fallback));
  return {
    passScore: s.passScore ?? d.passScore,
    targets: { detect: secs(t.detect, d.targets.detect), diagnose: secs(t.diagnose, d.targets.diagnose), restore: secs(t.restore, d.targets.restore) },
    penalties: {
      perMinuteLate: pen.perMinuteLate ?? d.penalties.perMinuteLate,
      wrongRepair: pen.wrongRepair ?? d.penalties.wrongRepair,
      unneededCheck: pen.unneededCheck ?? d.penalties.unneededCheck,
      hint: pen.hint ?? d.penalties.hint,
      unresolvedFault: pen.unresolvedFault ?? d.penalties.unresolvedFault,
      lostPart: pen.lostPart ?? d.penalties.lostPart,
      scrapPart: pen.scrapPart ?? d.penalties.scrapPart,
    },
    order: s.order === undefined ? null : { goodParts: s.order.goodParts, perPartShort: s.order.perPartShort ?? 0.5 },
    objectives: (sc.objectives ?? []).map((o) => (typeof o === 'object' && 'check' in o ? o.check : null)),
  };
}
