export { type Assessment, assess, DEFAULT_SCORING, type FaultAssessment, isAttention, type Penalty, runLog, type ScoringRules } from './assess';
export { scoringRules } from './rules';
export type { ObjectiveVerdict, VerdictOutcome } from './objectives';
export { advanceReporting, byTick, part, type Progress, throttled } from './progress';
