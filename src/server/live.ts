/**
 * The instructor's live view of a class, from the server's own simulation of each live run: the
 * commands the student's app has streamed, applied at their ticks, up to the tick its screen
 * shows (its status, sent every second or so). What the row says is what the simulation says,
 * never what the app claims; the status only says how far to go.
 */
import { isAttention, scoreSoFar } from '../assessment';
import { advance, apply, type Command, createState, type LineModel, observe, Pack, type State, stateHash, TICKS_PER_SECOND } from '../engine';
import type { Checkpoint } from '../session/record';
import { bilingual, loadScenarioJson, type ScenarioFile } from '../scenario';
import type { LiveRow, RunStatus, RunVerdict } from '../session/school-api';
import type { Sql } from './db/database';
import { sessionOf } from './runs';
import type { Verifier } from './verify-pool';

/** A status older than this: the app is closed or offline (the row says so). */
export const QUIET_MS = 10_000;
/** At most this much simulated time per status (tens of milliseconds here): a run far ahead catches up over a few, and the server never stalls on one. */
export const MAX_CATCH_UP_TICKS = 60 * 60 * TICKS_PER_SECOND;
/** A live run without news for this long is dropped from memory (rebuilt from its rows if it comes back). */
const FORGET_MS = 30 * 60_000;

interface Live {
  readonly scenario: ScenarioFile;
  readonly model: LineModel;
  readonly seed: number;
  state: State;
  /** The run's commands in order, as far as they are stored; `applied` of them are in `state`. */
  commands: Command[];
  applied: number;
  status: RunStatus | null;
  statusAt: number;
  /** The assessment of the run so far (from the verifier pool), and when it was last asked for. */
  scored: { readonly tick: number; readonly applied: number; readonly score: number; readonly detect: number | null } | null;
  scoredAt: number;
}

/** A live run's score so far is asked for again after this long (one run at a time, the stalest first)… */
export const SCORE_EVERY_MS = 10_000;
/** …or this soon after the student did something (which is what changes a score). */
const SCORE_AFTER_ACTION_MS = 1000;

/** Stations in these states need someone (a stop, a hold, an abort), whatever their interlock. */
const NEEDS_ATTENTION = new Set<number>([Pack.Stopped, Pack.Stopping, Pack.Aborting, Pack.Aborted, Pack.Holding, Pack.Held]);


export class LiveRuns {
  private readonly runs = new Map<number, Live>();
  private scoring = false;

  constructor(private readonly clock: () => number = Date.now) {}

  /** A run's status arrived (its owner was checked by the caller): the simulation catches up as far as it safely can. */
  async status(db: Sql, runId: number, status: RunStatus): Promise<void> {
    this.forgetQuiet();
    const live = await this.load(db, runId);
    if (live === null) return;
    live.status = status;
    live.statusAt = this.clock();
    await this.catchUp(db, runId, live);
  }

  /** Runs whose apps have said nothing for long (a laptop closed mid-drill) leave memory; a status brings one back. */
  private forgetQuiet(): void {
    const now = this.clock();
    for (const [id, live] of this.runs) if (live.statusAt > 0 && now - live.statusAt > FORGET_MS) this.runs.delete(id);
  }

  /** Runs whose apps have reported in the last QUIET_MS: the students in a drill now. */
  active(): Set<number> {
    const now = this.clock();
    return new Set([...this.runs].flatMap(([id, live]) => (now - live.statusAt <= QUIET_MS ? [id] : [])));
  }

  /**
   * How far the server's own simulation of a live run has come (every command up to there
   * applied) and the state's hash there; a run not in memory is rebuilt from its rows up to
   * its newest command. Null when the run has ended or does not load.
   */
  async position(db: Sql, runId: number): Promise<Checkpoint | null> {
    const live = await this.load(db, runId);
    if (live === null) return null;
    if (live.status === null) await this.catchUp(db, runId, live);
    return { tick: live.state.tick, hash: stateHash(live.state) };
  }

  /** How the student's screen runs: its speed and whether it is paused (null when unknown). */
  pace(runId: number): { speed: number; running: boolean } | null {
    const status = this.runs.get(runId)?.status;
    return status === null || status === undefined ? null : { speed: status.speed, running: status.running };
  }

  /**
   * Keeps the score so far of the runs in a drill fresh while someone watches (the live view
   * calls this): the whole run so far is assessed in the verifier pool as a finished one would
   * be, one run at a time so that the verdicts of finished runs never wait long behind them,
   * the stalest first, each at most every SCORE_EVERY_MS.
   */
  refreshScores(db: Sql, verifier: Verifier, log: (m: string) => void): void {
    if (this.scoring) return;
    const now = this.clock();
    const [next] = [...this.runs]
      .filter(([, l]) => l.state.tick > (l.scored?.tick ?? -1) && now - l.scoredAt >= (l.applied !== l.scored?.applied ? SCORE_AFTER_ACTION_MS : SCORE_EVERY_MS))
      .sort((a, b) => a[1].scoredAt - b[1].scoredAt);
    if (next === undefined) return;
    const [runId, live] = next;
    live.scoredAt = now;
    this.scoring = true;
    const at = { tick: live.state.tick, hash: stateHash(live.state) };
    const applied = live.applied;
    void (async () => {
      try {
        const session = await sessionOf(db, runId, at);
        if (session === null) return;
        const { assessment } = await verifier.verify(session);
        const detect = assessment.faults.find((f) => f.onsetSeconds * TICKS_PER_SECOND <= at.tick)?.detectSeconds ?? null;
        live.scored = { tick: at.tick, applied, score: scoreSoFar(assessment), detect };
      } catch (e) {
        log(`the score so far of run ${runId} could not be computed: ${(e as Error).message}`);
      } finally {
        this.scoring = false;
        this.refreshScores(db, verifier, log);
      }
    })();
  }

  /** A run that ended is judged by the verifier; its live simulation is no longer needed. */
  ended(runId: number): void {
    this.runs.delete(runId);
  }

  private async load(db: Sql, runId: number): Promise<Live | null> {
    const known = this.runs.get(runId);
    if (known !== undefined) return known;
    const [run] = await db.query<{ scenario: ScenarioFile; header: { seed: number } }>('select scenario, header from runs where id = $1 and end_tick is null', [runId]);
    if (run === undefined) return null;
    const sc = loadScenarioJson(run.scenario);
    if (!sc.ok) return null;
    const live: Live = { scenario: sc.scenario, model: sc.model, seed: run.header.seed, state: createState(sc.model, run.header.seed), commands: [], applied: 0, status: null, statusAt: 0, scored: null, scoredAt: 0 };
    this.runs.set(runId, live);
    return live;
  }

  private async catchUp(db: Sql, runId: number, live: Live): Promise<void> {
    const fresh = await db.query<{ body: Command }>("select body from run_events where run_id = $1 and kind = 'command' order by seq offset $2", [runId, live.commands.length]);
    const added = fresh.map((r) => r.body);
    // A command that arrived for a tick the simulation has passed (its app sent it late): start again.
    if (added.some((c) => c.tick < live.state.tick)) {
      live.state = createState(live.model, live.seed);
      live.applied = 0;
    }
    live.commands.push(...added);
    const status = live.status;
    // Every command up to the status's tick is here only once as many as the app had given are.
    const last = live.commands.at(-1)?.tick ?? 0;
    const target = status !== null && live.commands.length >= status.commands ? status.tick : Math.min(last, status?.tick ?? last);
    const until = Math.min(target, live.state.tick + MAX_CATCH_UP_TICKS);
    while (live.applied < live.commands.length && live.commands[live.applied]!.tick <= until) {
      const c = live.commands[live.applied]!;
      advance(live.state, c.tick);
      apply(live.state, c);
      live.applied += 1;
    }
    if (until > live.state.tick) advance(live.state, until);
  }

  /** The row of a live run this server simulates, or null when it has none in memory. */
  row(runId: number): Omit<NonNullable<LiveRow['run']>, 'runId' | 'scenarioId' | 'title' | 'verdict'> | null {
    this.forgetQuiet();
    const live = this.runs.get(runId);
    if (live === undefined) return null;
    const now = this.clock();
    const s = live.state;
    const view = observe(s, 0);
    const worst = view.stations.find((st) => st.causePresent || NEEDS_ATTENTION.has(st.state));
    const name = worst === undefined ? undefined : live.scenario.line.stations.find((st) => st.id === worst.id)?.name;
    const onsets = s.faults.filter((f) => f.onset >= 0).map((f) => f.onset);
    const firstFault = onsets.length === 0 ? null : Math.min(...onsets);
    const firstAction = firstFault === null ? undefined : live.commands.slice(0, live.applied).find((c) => c.tick >= firstFault && isAttention(c));
    // The assessment's time to detect (an action at the fault's own station) once it has looked
    // past the first action; until then, the first action anywhere after the fault.
    const scored = live.scored;
    const assessedDetect = scored !== null && (scored.detect !== null || firstAction === undefined || firstAction.tick <= scored.tick);
    return {
      state: now - live.statusAt > QUIET_MS ? 'quiet' : live.status?.running ? 'running' : 'paused',
      seconds: s.tick / TICKS_PER_SECOND,
      speed: live.status?.speed ?? null,
      line: worst === undefined ? null : { station: worst.id, name: bilingual(name ?? worst.name), state: worst.state, stopReason: worst.stopReason },
      unackedAlarms: view.alarms.filter((a) => a.phase === 'unack').length,
      firstActionSeconds: assessedDetect ? scored.detect : firstFault === null || firstAction === undefined ? null : (firstAction.tick - firstFault) / TICKS_PER_SECOND,
      score: scored?.score ?? null,
      wrongRepairs: s.truth.wrongRepairs.length,
      safetyBreaches: s.truth.safetyBreaches.length,
    };
  }
}

interface ClassRunRow {
  readonly student_id: number;
  readonly display_name: string;
  readonly run_id: number | null;
  readonly scenario_id: string | null;
  readonly scenario: ScenarioFile | null;
  readonly end_tick: number | null;
  readonly verdict: RunVerdict | null;
  readonly assessment: { wrongRepairs?: unknown[]; safetyBreaches?: unknown[]; faults?: { detectSeconds: number | null }[] } | null;
  [k: string]: unknown;
}

/** One row per student of the class, with their latest run: live from the simulation, or as the server judged it once ended. */
export async function classLive(db: Sql, live: LiveRuns, classId: number): Promise<LiveRow[]> {
  const rows = await db.query<ClassRunRow>(
    `select s.id as student_id, s.display_name, r.id as run_id, r.scenario_id, r.scenario, r.end_tick, r.verdict, r.assessment
     from students s left join lateral (select * from runs where student_id = s.id order by id desc limit 1) r on true
     where s.class_id = $1 order by s.display_name, s.id`,
    [classId],
  );
  return rows.map((r): LiveRow => {
    if (r.run_id === null || r.scenario === null) return { studentId: r.student_id, displayName: r.display_name, run: null };
    const head = { runId: r.run_id, scenarioId: r.scenario_id ?? '', title: bilingual(r.scenario.title), verdict: r.verdict ?? { status: 'pending' as const } };
    const simulated = r.end_tick === null ? live.row(r.run_id) : null;
    if (simulated !== null) return { studentId: r.student_id, displayName: r.display_name, run: { ...head, ...simulated } };
    const a = r.assessment;
    return {
      studentId: r.student_id,
      displayName: r.display_name,
      run: {
        ...head,
        state: r.end_tick === null ? 'quiet' : 'finished',
        seconds: (r.end_tick ?? 0) / TICKS_PER_SECOND,
        speed: null,
        line: null,
        unackedAlarms: 0,
        firstActionSeconds: a?.faults?.[0]?.detectSeconds ?? null,
        wrongRepairs: a?.wrongRepairs?.length ?? 0,
        safetyBreaches: a?.safetyBreaches?.length ?? 0,
        score: r.verdict?.score ?? null,
      },
    };
  });
}
