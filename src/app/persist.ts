/**
 * Keeping the student's work in the browser: the run in progress (appended to its journal as it
 * goes, and offered back after a reload), the sessions list (every run, written whole with its
 * score once finished), and an instructor's replay notes. A write that fails is told to the
 * student and kept in memory to be tried again.
 */
import { ASSESSMENT_VERSION, type Assessment } from '../assessment';
import { textOf } from '../scenario';
import { clock } from '../ui/format';
import { getLanguage, translate } from '../i18n';
import { setStorageState } from '../ui/storage-state';
import { clearDraft, draftRunId, startDraft } from '../session/autosave';
import type { WriteResult } from '../session/db';
import { appendToRun, dropJournal, journalCounts } from '../session/journal';
import { scoredByOldRules } from '../session/rescore';
import { getSession, putSession } from '../session/saved-sessions';
import type { DebriefAnalysis } from '../session/analysis';
import { makeSession, type SessionFile } from '../session/session-file';
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

/** What is kept of the current run, so each save appends only what is new. */
interface Kept {
  readonly runId: string;
  commands: number;
  checkpoints: number;
}
let kept: Kept | null = null;

/**
 * Writes that failed, kept in memory and tried again (newest per run): the student's work is
 * never dropped because the disk was full for a moment.
 */
const waiting = new Map<string, () => Promise<WriteResult>>();
let retrying: ReturnType<typeof setTimeout> | null = null;
const RETRY_MS = 5000;

function report(): void {
  if (waiting.size === 0) setStorageState({ problem: null });
}

async function attempt(key: string, job: () => Promise<WriteResult>): Promise<void> {
  const r = await job();
  if (r.ok) {
    waiting.delete(key);
    report();
    return;
  }
  waiting.set(key, job);
  setStorageState({ problem: { reason: r.reason, message: r.message } });
  if (retrying !== null) return;
  retrying = setTimeout(() => {
    retrying = null;
    for (const [k, j] of [...waiting]) enqueue(() => attempt(k, j));
  }, RETRY_MS);
}

/** Ask the browser once not to clear this site's data under storage pressure. */
let askedToPersist = false;
function askToPersist(): void {
  if (askedToPersist || typeof navigator === 'undefined' || !navigator.storage?.persist) return;
  askedToPersist = true;
  void navigator.storage.persist().catch(() => undefined);
}

/** The run's header (its scenario, once) in the sessions list and as the draft to offer back. */
async function begin(s: SimStore, runId: string): Promise<Kept> {
  const sc = s.scenario!;
  const now = new Date().toISOString();
  const previous = await getSession(runId);
  if (previous === null) {
    const name = runName(s);
    const header = makeSession(sc, sc.seed, [], 0, [], { name, hintsAllowed: s.hintsAllowed });
    await attempt(`header:${runId}`, () => putSession({ id: runId, name, scenarioId: sc.id, title: sc.title, savedAt: now, endTick: 0, score: null, passed: null, finished: false, file: { ...header, createdAt: now } }));
  }
  await attempt(`draft:${runId}`, () => startDraft({ runId, scenario: sc, savedAt: now, ...(s.hintsAllowed ? {} : { hintsAllowed: false }) }));
  askToPersist();
  return { runId, ...(await journalCounts(runId)) };
}

/** Append the run's new commands and checkpoints, and its tick (a few bytes), to its journal. */
async function keepRun(store: SimStoreApi): Promise<void> {
  const s = store.getState();
  const runId = s.runId;
  if (runId === null || s.scenario === null) return;
  if (kept?.runId !== runId) kept = await begin(s, runId);
  const here = kept;
  const file = await store.getState().exportSession();
  if (file === null || store.getState().runId !== runId) return;
  // The export ends with the state at this tick: kept as the progress, not as a checkpoint.
  const periodic = file.checkpoints.slice(0, -1);
  const last = file.checkpoints.at(-1);
  const commands = file.commands;
  const progress = { tick: file.endTick, savedAt: new Date().toISOString(), speed: store.getState().speed, ...(last ? { hash: last.hash } : {}) };
  const from = { commands: Math.min(here.commands, commands.length), checkpoints: Math.min(here.checkpoints, periodic.length) };
  await attempt(`run:${runId}`, async () => {
    const r = await appendToRun(runId, commands, from.commands, periodic, from.checkpoints, progress);
    if (r.ok) {
      here.commands = Math.max(here.commands, commands.length);
      here.checkpoints = Math.max(here.checkpoints, periodic.length);
    }
    return r;
  });
}

/** A finished run is written whole, once, with its score; its journal is then dropped. */
async function keepFinished(store: SimStoreApi): Promise<void> {
  const s = store.getState();
  const runId = s.runId;
  if (runId === null || s.scenario === null) return;
  const file = await store.getState().exportSession();
  if (file === null) return;
  if (kept?.runId !== runId) kept = await begin(s, runId);
  const previous = await getSession(runId);
  // Unscored when the analysis was cancelled or failed, but kept all the same.
  const a = (await debriefOf(store))?.assessment;
  const sc = s.scenario;
  const name = previous?.name ?? runName(s);
  const named: SessionFile = { ...file, name, createdAt: previous?.file.createdAt ?? new Date().toISOString() };
  const entry = { id: runId, name, scenarioId: sc.id, title: sc.title, savedAt: new Date().toISOString(), endTick: file.endTick, score: a?.score ?? null, passed: a?.passed ?? null, ...(a ? { scoredWith: ASSESSMENT_VERSION } : {}), finished: true, file: named };
  waiting.delete(`run:${runId}`);
  await attempt(`run:${runId}`, async () => {
    const r = await putSession(entry);
    if (!r.ok) return r;
    await dropJournal(runId);
    if ((await draftRunId()) === runId) await clearDraft();
    return r;
  });
  kept = null;
}

export function persist(store: SimStoreApi): void {
  let lastSave = 0;
  let lastCommands = -1;
  let lastPhase = store.getState().phase;
  let lastNotes: unknown = null;
  let lastScored: unknown = null;
  let wasRunning = store.getState().running;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  function save(s: SimStore): void {
    if (trailing !== null) clearTimeout(trailing);
    trailing = null;
    lastSave = Date.now();
    lastCommands = s.commands.length;
    enqueue(() => keepRun(store));
  }
  store.subscribe((s) => {
    const phase = s.phase;
    const entered = phase !== lastPhase;
    lastPhase = phase;
    if (phase === 'debrief' && entered) {
      enqueue(() => keepFinished(store));
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
    // Pausing is a moment a student may close the tab: keep the run as it stands at once.
    const paused = wasRunning && !s.running;
    wasRunning = s.running;
    if (!paused && s.commands.length === lastCommands && now - lastSave < AUTOSAVE_MS) {
      // Not now, but soon: the last change before a pause (or a quiet spell) is kept too, so a
      // reload offers the run back at the time the student stopped it, not up to 3 s before.
      trailing ??= setTimeout(() => {
        trailing = null;
        const later = store.getState();
        if (later.phase === 'running' && later.runId === s.runId) save(later);
      }, lastSave + AUTOSAVE_MS - now);
      return;
    }
    save(s);
  });
}

async function scoreFromReplay(id: string, a: Assessment): Promise<void> {
  const saved = await getSession(id);
  // Unscored (an imported file), or scored by earlier rules: the replay's assessment is today's.
  if (saved === null || !saved.finished || (saved.score !== null && !scoredByOldRules(saved))) return;
  await attempt(`score:${id}`, () => putSession({ ...saved, score: a.score, passed: a.passed, scoredWith: ASSESSMENT_VERSION }));
}

async function saveNotes(id: string, notes: readonly { tick: number; text: string }[]): Promise<void> {
  const saved = await getSession(id);
  if (saved === null) return;
  const { notes: _old, ...file } = saved.file;
  await attempt(`notes:${id}`, () => putSession({ ...saved, file: notes.length > 0 ? { ...file, notes } : file }));
}
