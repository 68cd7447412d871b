/** How one fault of a run went: its own file so the objectives can name it without importing the assessment. */
export interface FaultAssessment {
  readonly id: string;
  readonly type: string;
  readonly station: string | null;
  readonly onsetSeconds: number;
  /** Fault start to the first relevant action; null if nobody acted. */
  readonly detectSeconds: number | null;
  /** To a correct declared diagnosis or the right repair. */
  readonly diagnoseSeconds: number | null;
  /** To the fault fixed and the station producing again. */
  readonly restoreSeconds: number | null;
  readonly resolved: boolean;
  readonly wrongRepairs: number;
}
