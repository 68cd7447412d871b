/**
 * Headless runner: `npm run sim -- scenarios/reference-line5.json --seed 7 --duration 30d
 * --warmup 1d --json [--commands log.json]`. Exit codes: 0 done, 2 bad input (with the
 * validation errors, never a stack trace), 1 an internal error.
 */
import { readFileSync } from 'node:fs';
import { assess, scoringRules } from '../assessment';
import { advance, apply, type Command, createState, ENGINE_VERSION, kpis, type LineModel, type State, secondsToTicks } from '../engine';
import { describeErrors, loadScenarioText, parseDuration } from '../scenario';
import { MAX_RUN_DAYS, MAX_RUN_SECONDS } from '../scenario/limits';
import { commandLogSchema } from '../session/command-schema';
import { loadSessionText } from '../session/session-file';
import { verifySession } from '../session/verify';
import { parseArgs, type SimArgs } from './args';
import { ExperimentInputError, formatExperiment, runExperiment } from './experiment';
import { parseSweep, type SweepSpec } from '../experiment/sweep';
import { buildReport, formatTable } from './report';

const USAGE = `usage: npm run sim -- <scenario.json> [--seed N] [--duration 30d] [--warmup 1d] [--commands log.json] [--json]
       npm run sim -- <scenario.json> --replications 10 [--sweep B1.capacity=0:10:1] [--faults none|random|all] [--duration 30d] [--warmup 1d] [--json]
       npm run sim -- --verify session.json [--json]   (exit 0 reproduces, 3 diverges, 2 not a valid session)`;

class DivergedError extends Error {}

function verify(path: string, json: boolean): number {
  const loaded = loadSessionText(readText(path, 'session'));
  if (!loaded.ok) throw new InputError(`${path} is not a valid session:\n${describeErrors(loaded.errors)}`);
  const { verification, assessment } = verifySession(loaded.session);
  const report = { session: path, scenario: loaded.session.scenario.id, seed: loaded.session.seed, ticks: loaded.session.endTick, ...verification, assessment };
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const other = verification.recordedWith === null ? '' : `recorded with engine version ${verification.recordedWith}, this Learning Factory runs version ${ENGINE_VERSION}; `;
    if (verification.kind === 'reproduces') process.stdout.write(`${path}: reproduces (${other}${loaded.session.checkpoints.length} checkpoints); score ${assessment.score}, ${assessment.passed ? 'passed' : 'not passed'}\n`);
    else {
      const why = verification.recordedWith === null ? 'the file was edited' : 'a rule of the engine changed since, or the file was edited';
      process.stdout.write(`${path}: DIVERGES at tick ${verification.firstDivergentTick} (${other}expected ${verification.expected}, got ${verification.got}: ${why})\n`);
    }
  }
  if (!verification.reproduces) throw new DivergedError();
  return 0;
}

class InputError extends Error {}

/**
 * A long run says how far it is on stderr (stdout stays the report), after the first two
 * seconds, about once a second; Ctrl-C cancels it like any command.
 */
const progress = {
  started: Date.now(),
  last: 0,
  shown: false,
  report(tick: number, end: number) {
    const now = Date.now();
    if (now - this.started < 2000 || now - this.last < 1000) return;
    this.last = now;
    this.shown = true;
    const pct = Math.floor((100 * tick) / end);
    const line = `simulating: ${pct} % (${(tick / TICKS_PER_DAY).toFixed(1)} of ${(end / TICKS_PER_DAY).toFixed(1)} simulated days)`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  },
  done() {
    if (this.shown && process.stderr.isTTY) process.stderr.write('\n');
  },
};
const TICKS_PER_DAY = secondsToTicks(86_400);
/** Advance in pieces of a simulated day so a long run can report progress. */
let runEnd = 0;
function advanceWithProgress(s: State, toTick: number): void {
  while (s.tick + TICKS_PER_DAY < toTick) {
    advance(s, s.tick + TICKS_PER_DAY);
    progress.report(s.tick, runEnd);
  }
  advance(s, toTick);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read the ${what} file ${path}`);
  }
}

function readCommands(path: string): Command[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(path, 'command log'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  const list = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'commands' in raw ? (raw as { commands: unknown }).commands : raw;
  const parsed = commandLogSchema.safeParse(list);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${path}: commands${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${i.message}`);
    throw new InputError(lines.join('\n'));
  }
  return parsed.data as Command[];
}

function durationOption(value: string | null, name: string): number | null {
  if (value === null) return null;
  const s = parseDuration(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  if (s === null) throw new InputError(`${name} must be a duration like 3600, "45s", "5m", "2h" or "30d"; got ${value}`);
  if (s > MAX_RUN_SECONDS) throw new InputError(`${name} may be at most ${MAX_RUN_DAYS} days (the longest run the simulation allows); got ${value}`);
  return secondsToTicks(s);
}

async function experiment(args: SimArgs, raw: { [key: string]: unknown }, seed: number, durationTicks: number | null, warmupTicks: number | null): Promise<number> {
  let sweep: SweepSpec | null = null;
  if (args.sweep !== null) {
    const s = parseSweep(args.sweep);
    if ('error' in s) throw new InputError(s.error);
    sweep = s;
  }
  const started = Date.now();
  const report = await runExperiment(
    { scenario: raw, seed, replications: args.replications ?? 1, faults: args.faults, sweep, ...(durationTicks === null ? {} : { durationTicks }), ...(warmupTicks === null ? {} : { warmupTicks }) },
    (done, of) => {
      if (Date.now() - started > 2000 && !args.json) process.stderr.write(process.stderr.isTTY ? `\rreplications: ${done} of ${of}` : '');
    },
  ).catch((e: unknown) => {
    if (e instanceof ExperimentInputError) throw new InputError(e.message);
    throw e;
  });
  if (process.stderr.isTTY && Date.now() - started > 2000 && !args.json) process.stderr.write('\n');
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatExperiment(report)}\n`);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) throw new InputError(`${args.error}\n${USAGE}`);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.verify !== null) return verify(args.verify, args.json);
  if (args.scenario === null) throw new InputError(`no scenario file given\n${USAGE}`);
  const loaded = loadScenarioText(readText(args.scenario, 'scenario'));
  if (!loaded.ok) throw new InputError(`${args.scenario} is not a valid scenario:\n${describeErrors(loaded.errors)}`);
  if (args.replications !== null) {
    if (args.commands !== null) throw new InputError('--commands and --replications do not go together: an experiment runs the line without anyone acting');
    const raw = JSON.parse(readText(args.scenario, 'scenario')) as { [key: string]: unknown };
    const d = durationOption(args.duration, '--duration');
    const w = durationOption(args.warmup, '--warmup');
    if (w !== null && w >= (d ?? loaded.model.durationTicks)) throw new InputError('--warmup must be shorter than --duration');
    return experiment(args, raw, args.seed ?? loaded.scenario.seed, d, w);
  }
  const durationTicks = durationOption(args.duration, '--duration') ?? loaded.model.durationTicks;
  const warmupTicks = durationOption(args.warmup, '--warmup') ?? loaded.model.warmupTicks;
  if (durationTicks <= 0) throw new InputError('--duration must be more than 0');
  if (warmupTicks >= durationTicks) throw new InputError('--warmup must be shorter than --duration');
  const model: LineModel = { ...loaded.model, durationTicks, warmupTicks };
  const seed = args.seed ?? loaded.scenario.seed;
  const commands = args.commands === null ? [] : readCommands(args.commands);
  const s = createState(model, seed);
  runEnd = durationTicks;
  for (const c of commands) {
    if (c.tick > durationTicks) break;
    advanceWithProgress(s, c.tick);
    apply(s, c);
  }
  advanceWithProgress(s, durationTicks);
  progress.done();
  const assessment = args.commands === null ? null : assess(model, seed, commands, durationTicks, scoringRules(loaded.scenario));
  const k = kpis(s);
  const report = buildReport(s, k, assessment);
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatTable(report, k)}\n`);
  return 0;
}

// No top-level await: the shipped CLI is a CommonJS bundle (src/cli/launch.mjs says why).
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  failed,
);

function failed(e: unknown): void {
  if (e instanceof DivergedError) {
    process.exitCode = 3;
  } else if (e instanceof InputError) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
