/** A small, strict argument parser: unknown options are errors, not silently ignored. */
export interface SimArgs {
  readonly scenario: string | null;
  readonly seed: number | null;
  readonly duration: string | null;
  readonly warmup: string | null;
  readonly json: boolean;
  readonly commands: string | null;
  readonly verify: string | null;
  readonly help: boolean;
  /** An experiment: this many replications (different seeds). */
  readonly replications: number | null;
  readonly sweep: string | null;
  readonly faults: 'none' | 'random' | 'all';
}

const VALUE_OPTIONS = new Set(['--seed', '--duration', '--warmup', '--commands', '--verify', '--replications', '--sweep', '--faults']);
/** The most replications one experiment may ask for (per sweep point). */
export const MAX_REPLICATIONS = 200;
const FLAGS = new Set(['--json', '--help', '-h']);

export function parseArgs(argv: readonly string[]): SimArgs | { error: string } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (VALUE_OPTIONS.has(a)) {
      const v = argv[k + 1];
      if (v === undefined || v.startsWith('--')) return { error: `${a} needs a value` };
      values.set(a, v);
      k++;
    } else if (FLAGS.has(a)) {
      flags.add(a);
    } else if (a.startsWith('-')) {
      return { error: `unknown option ${a}` };
    } else {
      positional.push(a);
    }
  }
  if (positional.length > 1) return { error: `one scenario file at a time; got ${positional.join(', ')}` };
  const seedText = values.get('--seed');
  let seed: number | null = null;
  if (seedText !== undefined) {
    seed = Number(seedText);
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) return { error: `--seed must be a whole number from 0 to 4294967295; got ${seedText}` };
  }
  const repText = values.get('--replications');
  let replications: number | null = null;
  if (repText !== undefined) {
    replications = Number(repText);
    if (!Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS) return { error: `--replications must be a whole number from 1 to ${MAX_REPLICATIONS}; got ${repText}` };
  }
  const faults = values.get('--faults') ?? 'random';
  if (faults !== 'none' && faults !== 'random' && faults !== 'all') return { error: `--faults must be none, random or all; got ${faults}` };
  if (values.has('--sweep') && replications === null) return { error: '--sweep needs --replications (how many runs at each value)' };
  return {
    replications,
    sweep: values.get('--sweep') ?? null,
    faults,
    scenario: positional[0] ?? null,
    seed,
    duration: values.get('--duration') ?? null,
    warmup: values.get('--warmup') ?? null,
    json: flags.has('--json'),
    commands: values.get('--commands') ?? null,
    verify: values.get('--verify') ?? null,
    help: flags.has('--help') || flags.has('-h'),
  };
}
