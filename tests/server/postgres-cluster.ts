/**
 * A throw-away PostgreSQL server for the tests: a new cluster in a temporary directory, listening
 * on 127.0.0.1 at a free port (its socket in that directory too), stopped and removed when the
 * tests end. Debian's postgresql package provides the programs (.ci/run installs it); PostgreSQL
 * refuses to run as root, so under root it runs as the `postgres` user.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes';

export interface Cluster {
  readonly url: string;
  /** Stops it at once (connections cut, as a crash would) and starts it again on the same data; resolves when it accepts connections. */
  restart(): Promise<void>;
  stop(): void;
}

/** The newest installed PostgreSQL's programs, or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

export async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'lf-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : join(bin, program);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${program} failed: ${r.stderr || r.stdout}`);
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'lf', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', ['-D', data, '-s', '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const pgCtl = (args: string[]) => (asRoot ? (['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args]] as const) : ([join(bin, 'pg_ctl'), args] as const));
  return {
    url: `postgres://lf@127.0.0.1:${port}/postgres`,
    restart: () =>
      new Promise<void>((resolve, reject) => {
        const [cmd, argv] = pgCtl(['-D', data, '-s', '-w', '-m', 'immediate', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'restart']);
        execFile(cmd, [...argv], { cwd: dir }, (err) => (err ? reject(err) : resolve()));
      }),
    stop: () => {
      try {
        if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-s', '-m', 'immediate', 'stop']);
        else execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-s', '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
