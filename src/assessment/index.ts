export { type Assessment, assess, DEFAULT_SCORING, scoreSoFar, type FaultAssessment, isAttention, type Penalty, runLog, type ScoringRules } from './assess';
export { scoringRules } from './rules';
export { ASSESSMENT_VERSION } from './version';
export type { ObjectiveVerdict, VerdictOutcome } from './objectives';
export { advanceReporting, byTick, part, type Progress, throttled } from './progress';
export { type DrillProof, duration, type FaultCheck, FINDING_TEXT, type Finding, type FindingKey, PROOF_KEYS, type Proof, type ProofKey, proveDrill, symptomList } from './prove';
export { type FaultSymptoms, findSymptoms, type SensorSide, SYMPTOM_KINDS, type Symptom, type SymptomKind } from './symptoms';
export { DEFAULT_TEMPTING_FIX, respond, type ResponseKind, temptingFix } from './technician';
