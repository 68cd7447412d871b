/**
 * "Export all my work": one file with every run kept in this browser, each with its session
 * (which embeds its scenario), to move to a new laptop or keep a copy; importing it merges it
 * back without duplicates. Validated like every file a student opens: a broken backup is
 * refused with the path of what is wrong, and nothing already kept is touched.
 */
import { formatPath, type ScenarioError } from '../scenario/errors';
import type { SavedSession } from './saved-sessions';
import { loadSessionValue, parseFileJson, type SessionFile } from './session-file';

export const BACKUP_KIND = 'learning-factory-backup';
export const BACKUP_FORMAT = 1;
export const MAX_BACKUP_BYTES = 100_000_000;
export const MAX_BACKUP_RUNS = 5000;

/** One run as the backup keeps it: what the sessions list shows, and its session. */
export interface BackupRun {
  readonly id: string;
  readonly name: string;
  readonly savedAt: string;
  readonly finished: boolean;
  readonly score: number | null;
  readonly passed: boolean | null;
  readonly session: SessionFile;
}

export interface Backup {
  readonly kind: typeof BACKUP_KIND;
  readonly format: typeof BACKUP_FORMAT;
  readonly exportedAt: string;
  readonly runs: readonly BackupRun[];
}

/** Runs that have not reached their first save have nothing to keep. */
export function makeBackup(list: readonly SavedSession[], exportedAt: string): Backup {
  const runs = list
    .filter((s) => s.file.checkpoints.length > 0)
    .map((s) => ({ id: s.id, name: s.name, savedAt: s.savedAt, finished: s.finished, score: s.score, passed: s.passed, session: s.file }));
  return { kind: BACKUP_KIND, format: BACKUP_FORMAT, exportedAt, runs };
}

export type BackupLoad = { readonly ok: true; readonly runs: readonly SavedSession[] } | { readonly ok: false; readonly errors: readonly ScenarioError[] };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parse and check a backup's text: every run's session is validated as a session file is. */
export function loadBackupText(text: string): BackupLoad {
  const parsed = parseFileJson(text, MAX_BACKUP_BYTES, 'a backup may be at most 100 MB');
  if (!parsed.ok) return parsed;
  const raw = parsed.raw;
  if (!isObject(raw) || raw.kind !== BACKUP_KIND) return { ok: false, errors: [{ path: 'kind', message: `this is not a Learning Factory backup (it has no "kind": "${BACKUP_KIND}")` }] };
  if (typeof raw.format === 'number' && raw.format > BACKUP_FORMAT) {
    return { ok: false, errors: [{ path: 'format', message: `this backup is format ${raw.format}, from a newer Learning Factory; this one reads up to ${BACKUP_FORMAT}` }] };
  }
  if (raw.format !== BACKUP_FORMAT) return { ok: false, errors: [{ path: 'format', message: `must be ${BACKUP_FORMAT}` }] };
  if (!Array.isArray(raw.runs)) return { ok: false, errors: [{ path: 'runs', message: 'must be a list of runs' }] };
  if (raw.runs.length > MAX_BACKUP_RUNS) return { ok: false, errors: [{ path: 'runs', message: `a backup may hold at most ${MAX_BACKUP_RUNS} runs` }] };
  const errors: ScenarioError[] = [];
  const runs: SavedSession[] = [];
  raw.runs.forEach((r: unknown, k: number) => {
    const at = (p: string) => formatPath(['runs', k, ...p.split('.').filter((x) => x !== '')]);
    if (!isObject(r)) return errors.push({ path: at(''), message: 'must be an object' });
    if (typeof r.id !== 'string' || r.id === '' || r.id.length > 100) return errors.push({ path: at('id'), message: 'must be a run id' });
    const loaded = loadSessionValue(r.session);
    if (!loaded.ok) {
      for (const e of loaded.errors) errors.push({ path: `${at('session')}${e.path === '' ? '' : e.path.startsWith('[') ? e.path : `.${e.path}`}`, message: e.message });
      return;
    }
    const file = loaded.session;
    const score = typeof r.score === 'number' && r.score >= 0 && r.score <= 100 ? r.score : null;
    runs.push({
      id: r.id,
      name: typeof r.name === 'string' ? r.name.slice(0, 200) : (file.name ?? ''),
      scenarioId: file.scenario.id,
      title: file.scenario.title,
      savedAt: typeof r.savedAt === 'string' && !Number.isNaN(Date.parse(r.savedAt)) ? r.savedAt : new Date(0).toISOString(),
      endTick: file.endTick,
      finished: r.finished === true,
      score,
      passed: score === null ? null : r.passed === true,
      file,
    });
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 50) };
  return { ok: true, runs };
}

/** What identifies a run's content whatever its id: the same scenario, seed, commands and final state. */
function fingerprint(s: SavedSession): string {
  const last = s.file.checkpoints.at(-1);
  return `${s.file.scenarioHash}|${s.file.seed}|${s.file.endTick}|${s.file.commands.length}|${last?.hash ?? ''}`;
}

/** The runs of a backup not already kept here (by id or by content). */
export function newRuns(kept: readonly SavedSession[], incoming: readonly SavedSession[]): { readonly add: readonly SavedSession[]; readonly duplicates: number } {
  const ids = new Set(kept.map((s) => s.id));
  const prints = new Set(kept.map(fingerprint));
  const add: SavedSession[] = [];
  for (const s of incoming) {
    const print = fingerprint(s);
    if (ids.has(s.id) || prints.has(print)) continue;
    ids.add(s.id);
    prints.add(print);
    add.push(s);
  }
  return { add, duplicates: incoming.length - add.length };
}
