/**
 * A joined student's runs go to the school server by themselves. Every few seconds (and at
 * once when a run ends) each run started while in the class is brought up to date: its events
 * are read from where this browser keeps the run anyway (the journal while it runs, the saved
 * session once it ends) and sent from the number the server expects. Offline, nothing is lost:
 * the run goes on, the records wait here, and the next round sends them in order.
 */
import type { SimStoreApi } from '../store/sim-store';
import { readJournal } from '../session/journal';
import { getSession } from '../session/saved-sessions';
import { deliver, httpLink, runEvents, SchoolError } from '../session/school-client';
import { type StreamLink, streamLink } from '../session/school-stream';
import { classState, instructionsSeen, loadCursors, markInstructionsSeen, type RunCursor, saveCursors, setDelivery } from '../ui/class-state';

const ROUND_MS = 3000;
/** How often a live run tells the class where it stands (the instructor's view is at most this far behind). */
const STATUS_MS = 1000;

type Cursors = Record<string, RunCursor>;

/** One stream per membership, kept open between rounds (a new class or token makes a new one). */
let link: { key: string; link: StreamLink } | null = null;
function linkFor(base: string, token: string): StreamLink {
  const key = `${base} ${token}`;
  if (link?.key !== key) {
    link?.link.close();
    link = { key, link: streamLink(base, token, httpLink(fetch.bind(globalThis), base, token)) };
  }
  return link.link;
}

/** One run brought up to date; returns how many of its records still wait. */
async function bringUp(runId: string, cursors: Cursors): Promise<number> {
  const joined = classState.get().joined;
  const saved = await getSession(runId);
  if (joined === null) return 0;
  if (saved === null) {
    delete cursors[runId];
    return 0;
  }
  const file = saved.file;
  let events: ReturnType<typeof runEvents>;
  if (saved.finished) {
    const last = file.checkpoints.at(-1) ?? null;
    events = runEvents(file.commands, file.checkpoints.slice(0, -1), last);
  } else {
    const j = await readJournal(runId);
    events = runEvents(j.commands, j.checkpoints, null);
  }
  const from = cursors[runId] ?? { serverRunId: null, expected: 0, done: false };
  // Ended here but not yet saved as finished (the debrief's analysis is still running): its
  // final checkpoint and end are owed, and the class must not be told it has everything.
  const owed = from.ended === true && !saved.finished ? 1 : 0;
  if (from.serverRunId !== null && from.expected >= events.length) {
    cursors[runId] = { ...from, done: saved.finished };
    return owed;
  }
  const header = { clientRunId: runId, scenario: file.scenario as unknown as Record<string, unknown>, scenarioHash: file.scenarioHash, seed: file.seed, engine: file.engine, ...(file.name ? { name: file.name } : {}) };
  const at = await deliver(linkFor(joined.base, joined.membership.token), header, events, from);
  cursors[runId] = { ...from, ...at, done: saved.finished && at.expected >= events.length };
  return events.length - at.expected + owed;
}

export function startSchoolSync(store: SimStoreApi): void {
  let busy = false;
  const round = async () => {
    if (classState.get().joined === null) {
      // Left the class: its stream closes.
      link?.link.close();
      link = null;
      return;
    }
    if (busy) return;
    busy = true;
    const cursors = loadCursors();
    // A run started (or resumed) while in the class is the class's.
    const live = store.getState().runId;
    if (live !== null && store.getState().phase === 'running' && cursors[live] === undefined) cursors[live] = { serverRunId: null, expected: 0, done: false };
    let waiting = 0;
    try {
      for (const [runId, c] of Object.entries(cursors)) if (!c.done) waiting += await bringUp(runId, cursors);
      setDelivery(waiting === 0 ? { state: 'sent' } : { state: 'sending', waiting });
    } catch (e) {
      const unsent = Object.values(cursors).some((c) => !c.done);
      if (e instanceof SchoolError && e.status !== null) setDelivery({ state: 'refused', reason: e.message });
      else setDelivery(unsent ? { state: 'offline', waiting: Math.max(1, waiting) } : { state: 'sent' });
    } finally {
      // What changed meanwhile (a run ended, a run sent on request) is kept, not overwritten.
      const fresh = loadCursors();
      for (const [id, c] of Object.entries(fresh)) cursors[id] = cursors[id] === undefined ? c : { ...cursors[id]!, ended: cursors[id]!.ended === true || c.ended === true };
      saveCursors(cursors);
      busy = false;
    }
  };
  // The first round at once: a page opened (or reloaded) right after a run ended sends its end
  // now, not a round later, by which time the student may have moved on again.
  void round();
  setInterval(() => void round(), ROUND_MS);
  // Where the live run stands, every second, once the server knows the run (the round starts it).
  let reporting = false;
  setInterval(() => {
    const joined = classState.get().joined;
    const s = store.getState();
    const serverRunId = s.runId === null ? null : (loadCursors()[s.runId]?.serverRunId ?? null);
    if (joined === null || s.phase !== 'running' || s.observation === null || serverRunId === null || reporting || navigator.onLine === false) return;
    reporting = true;
    const status = { tick: s.observation.tick, speed: s.speed, running: s.running, commands: s.commands.length, instructionsSeen: instructionsSeen(serverRunId) };
    const runId = s.runId;
    linkFor(joined.base, joined.membership.token)
      .status(serverRunId, status)
      .then((instructions) => {
        // Carried out in this run only (the student may have left it meanwhile), each once.
        const now = store.getState();
        if (now.runId !== runId || now.phase !== 'running') return;
        for (const i of instructions) {
          if (i.id <= instructionsSeen(serverRunId)) continue;
          markInstructionsSeen(serverRunId, i.id);
          now.send(i.kind === 'message' ? { type: 'instructorMessage', text: i.text } : { type: 'injectFault', fault: i.fault });
        }
      })
      .catch(() => undefined)
      .finally(() => {
        reporting = false;
      });
  }, STATUS_MS);
  // A run that ends is sent at once (the student may close the laptop).
  let phase = store.getState().phase;
  store.subscribe((s) => {
    if (s.phase !== phase && s.phase === 'debrief' && s.runId !== null) {
      // Marked at once, not by the next round: until its end is delivered the class is not told it has everything.
      const cursors = loadCursors();
      const c = cursors[s.runId];
      if (c !== undefined && !c.ended) saveCursors({ ...cursors, [s.runId]: { ...c, ended: true } });
      setTimeout(() => void round(), 500);
    }
    phase = s.phase;
  });
}
