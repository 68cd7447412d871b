import { type Assessment, assess, byTick, part, type Progress, scoringRules } from '../assessment';
import { loadScenarioJson } from '../scenario';
import { replay, type Verification, verifyCheckpoints } from './record';
import type { SessionFile } from './session-file';

export interface VerifyReport {
  readonly verification: Verification;
  readonly assessment: Assessment;
}

/** Re-simulate a session and compare its hashes with the recorded ones. */
export function verifySession(session: SessionFile, progress?: Progress): VerifyReport {
  const r = loadScenarioJson(session.scenario);
  if (!r.ok) throw new Error('the embedded scenario does not load');
  // Three passes of the whole run: the replay, then the assessment's two.
  const { checkpoints } = replay(r.model, session.seed, session.commands, session.endTick, byTick(part(progress, 0, 1 / 3), session.endTick));
  return {
    verification: verifyCheckpoints(session.engine, session.checkpoints, checkpoints),
    assessment: assess(r.model, session.seed, session.commands, session.endTick, scoringRules(session.scenario), part(progress, 1 / 3, 1)),
  };
}

/** The assessment of a session, without verifying it (the sessions list's score). */
export function scoreSession(session: SessionFile, progress?: Progress): Assessment {
  const r = loadScenarioJson(session.scenario);
  if (!r.ok) throw new Error('the embedded scenario does not load');
  return assess(r.model, session.seed, session.commands, session.endTick, scoringRules(session.scenario), progress);
}
