/**
 * The rules a score was given by. Runs keep their score (the library's progress, the sessions
 * list); when a change to the assessment can give the same run another score or verdict, this
 * number goes up, and runs scored by an earlier number are scored again (session/rescore.ts).
 *
 * 2: a run ended before its drill's fault scores 0; a fault is restored when its station
 *    produces again, whatever the fault (a sensor replaced on a stopped mill waited for the
 *    restart no more). Runs kept before the number existed count as scored by 1.
 */
export const ASSESSMENT_VERSION = 2;
