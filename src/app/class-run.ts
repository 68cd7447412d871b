/**
 * An instructor opens a student's run from the class pages (a new tab, `?classRun=<class>.<run>`,
 * or two runs side by side, `?classCompare=<class>.<run>.<run>`): the replay view on it, and
 * for a run still going, following it as it grows (asked of the server every second; the
 * assessment is redone at most every REASSESS_MS, and once more when the run ends).
 */
import { classRunSession, type ClassRunSession } from '../session/school-admin';
import type { SessionFile } from '../session/session-file';
import type { SimStoreApi } from '../store/sim-store';
import { setFollowed } from '../ui/followed';

const FOLLOW_MS = 1000;
const REASSESS_MS = 10_000;

/** `12.345` → [12, 345]; `12.3.4` → [12, 3, 4]; null when not all are ids. */
export function idsOf(param: string | null, count: number): number[] | null {
  const parts = (param ?? '').split('.');
  if (parts.length !== count || !parts.every((p) => /^\d{1,9}$/.test(p))) return null;
  return parts.map(Number);
}

/** The student's name on the replay and compare views (the run's own name after it, if it has one). */
function named(got: ClassRunSession): SessionFile {
  return { ...got.session, name: got.session.name ? `${got.student} · ${got.session.name}` : got.student };
}

const failed = (store: SimStoreApi, e: unknown) => store.setState({ phase: 'library', error: `${(e as Error).message}` });

export async function openClassRun(store: SimStoreApi, classId: number, runId: number): Promise<void> {
  let got: ClassRunSession;
  try {
    got = await classRunSession(classId, runId);
  } catch (e) {
    return failed(store, e);
  }
  const tail = got.live ? { following: true, ended: false, speed: got.pace?.speed ?? 1 } : null;
  setFollowed(tail === null ? null : { classId, runId, student: got.student });
  if (!store.getState().openReplay(named(got), null, 0, tail) || tail === null) return;
  const opened = store.getState().replay?.session;
  let assessedAt = Date.now();
  let busy = false;
  const timer = setInterval(async () => {
    const r = store.getState().replay;
    // Another replay or page opened meanwhile: this one is no longer followed.
    if (r === null || r.live === null || r.session.scenarioHash !== opened?.scenarioHash || store.getState().phase !== 'replay') return clearInterval(timer);
    if (busy || !r.ready) return;
    busy = true;
    try {
      const next = await classRunSession(classId, runId);
      const ended = !next.live;
      const reassess = ended || Date.now() - assessedAt >= REASSESS_MS;
      if (next.session.endTick > r.session.endTick || next.session.commands.length > r.session.commands.length || ended) {
        if (reassess) assessedAt = Date.now();
        store.getState().growReplay(named(next), { ended, speed: next.pace?.speed ?? r.live.speed }, reassess);
      }
      if (ended) clearInterval(timer);
    } catch {
      // Offline for a moment: the next look tries again; the view keeps what it has.
    } finally {
      busy = false;
    }
  }, FOLLOW_MS);
}

export async function openClassCompare(store: SimStoreApi, classId: number, a: number, b: number): Promise<void> {
  try {
    const [x, y] = await Promise.all([classRunSession(classId, a), classRunSession(classId, b)]);
    store.getState().compare(named(x), named(y));
  } catch (e) {
    failed(store, e);
  }
}
