/**
 * Keeping the student's work in the browser: the run in progress (a draft to resume after a
 * reload) and the sessions list (every run, with its score once finished). Also saves an
 * instructor's replay notes back to the list entry they belong to.
 */
import type { Assessment } from '../assessment';
import { textOf } from '../scenario';
import { clock } from '../ui/format';
import { getLanguage, translate } from '../ui/i18n';
import { clearDraft, saveDraft } from '../session/autosave';
import { getSession, putSession } from '../session/saved-sessions';
import type { DebriefAnalysis } from '../session/analysis';
import type { SessionFile } from '../session/session-file';
import type { SimStore, SimStoreApi } from '../store/sim-store';

const AUTOSAVE_MS = 3000;

/**
 * A run is saved without a name of its own (the list shows the scenario's title in the
 * reader's language) until the student names it; a branch is named after its origin, in the
 * language of the moment it was made.
 */
function runName(s: SimStore): string {
  if (!s.branchOf || s.scenario === null) return '';
  return translate(getLanguage(), 'sessions.branchName', { title: textOf(s.scenario.title, getLanguage()), time: clock(s.branchOf.tick / 10) });
}

/**
 * Saves run one after another: an autosave still in flight when the drill ends must not land
 * after the finished save and put the run back to "in progress".
 */
let queue: Promise<void> = Promise.resolve();
function enqueue(job: () => Promise<void>): void {
  queue = queue.then(job, job).catch(() => undefined);
}

/**
 * The finished run's analysis, computed once for the debrief (in its worker): the score saved
 * with the run is the one the debrief shows. Null when the student left before it was done.
 */
function debriefOf(store: SimStoreApi): Promise<DebriefAnalysis | null> {
  return new Promise((resolve) => {
    const check = (s: SimStore) => {
      if (s.debrief !== null) return s.debrief;
      return s.phase === 'debrief' ? undefined : null;
    };
    const now = check(store.getState());
    if (now !== undefined) return resolve(now);
    const stop = store.subscribe((s) => {
      const d = check(s);
      if (d === undefined) return;
      stop();
      resolve(d);
    });
  });
}

async function saveRun(store: SimStoreApi, finished: boolean): Promise<void> {
  const s = store.getState();
  const runId = s.runId;
  if (runId === null || s.scenario === null) return;
  const file = await store.getState().exportSession();
  if (file === null) return;
  const last = file.checkpoints.at(-1);
  if (!finished) {
    await saveDraft({ scenario: s.scenario, commands: file.commands, tick: file.endTick, savedAt: new Date().toISOString(), runId, ...(last ? { hash: last.hash } : {}) });
  }
  const previous = await getSession(runId);
  // A finished run stays finished (a late autosave of the same run changes nothing).
  if (!finished && previous?.finished === true) return;
  let score: number | null = null;
  let passed: boolean | null = null;
  if (finished) {
    // Unscored when the analysis was cancelled or failed, but kept all the same.
    const a = (await debriefOf(store))?.assessment;
    score = a?.score ?? null;
    passed = a?.passed ?? null;
  }
  const name = previous?.name ?? runName(s);
  const named: SessionFile = { ...file, name, createdAt: previous?.file.createdAt ?? new Date().toISOString() };
  await putSession({ id: runId, name, scenarioId: s.scenario.id, title: s.scenario.title, savedAt: new Date().toISOString(), endTick: file.endTick, score, passed, finished, file: named });
  if (finished) await clearDraft();
}

export function persist(store: SimStoreApi): void {
  let lastSave = 0;
  let lastCommands = -1;
  let lastPhase = store.getState().phase;
  let lastNotes: unknown = null;
  let lastScored: unknown = null;
  store.subscribe((s) => {
    const phase = s.phase;
    const entered = phase !== lastPhase;
    lastPhase = phase;
    if (phase === 'debrief' && entered) {
      enqueue(() => saveRun(store, true));
      return;
    }
    const replayed = s.replay;
    if (phase === 'replay' && replayed?.savedId && replayed.assessment !== null && replayed.assessment !== lastScored) {
      // A finished run without a score yet (an imported file): the replay's assessment scores it.
      lastScored = replayed.assessment;
      const { savedId, assessment } = replayed;
      enqueue(() => scoreFromReplay(savedId, assessment));
    }
    if (phase === 'replay' && s.replay?.savedId && s.replay.notes !== lastNotes) {
      const first = lastNotes === null;
      lastNotes = s.replay.notes;
      const { savedId, notes } = s.replay;
      if (!first) enqueue(() => saveNotes(savedId, notes));
      return;
    }
    if (phase !== 'replay') lastNotes = null;
    if (phase !== 'running' || s.observation === null) return;
    const now = Date.now();
    if (s.commands.length === lastCommands && now - lastSave < AUTOSAVE_MS) return;
    lastSave = now;
    lastCommands = s.commands.length;
    enqueue(() => saveRun(store, false));
  });
}

async function scoreFromReplay(id: string, a: Assessment): Promise<void> {
  const saved = await getSession(id);
  if (saved === null || !saved.finished || saved.score !== null) return;
  await putSession({ ...saved, score: a.score, passed: a.passed });
}

async function saveNotes(id: string, notes: readonly { tick: number; text: string }[]): Promise<void> {
  const saved = await getSession(id);
  if (saved === null) return;
  const { notes: _old, ...file } = saved.file;
  await putSession({ ...saved, file: notes.length > 0 ? { ...file, notes } : file });
}
