import { type Assessment, assess, scoringRules } from '../assessment';
import { loadScenarioJson } from '../scenario';
import { replay, type Verification, verifyCheckpoints } from './record';
import type { SessionFile } from './session-file';

export interface VerifyReport {
  readonly verification: Verification;
  readonly assessment: Assessment;
}

/** Re-simulate a session and compare its hashes with the recorded ones. */
export function verifySession(session: SessionFile): VerifyReport {
  const r = loadScenarioJson(session.scenario);
  if (!r.ok) throw new Error('the embedded scenario does not load');
  const { checkpoints } = replay(r.model, session.seed, session.commands, session.endTick);
  return {
    verification: verifyCheckpoints(session.engine, session.checkpoints, checkpoints),
    assessment: assess(r.model, session.seed, session.commands, session.endTick, scoringRules(session.scenario)),
  };
}

/** The assessment of a session, without verifying it (the sessions list's score). */
export function scoreSession(session: SessionFile): Assessment {
  const r = loadScenarioJson(session.scenario);
  if (!r.ok) throw new Error('the embedded scenario does not load');
  return assess(r.model, session.seed, session.commands, session.endTick, scoringRules(session.scenario));
}
