/**
 * The gateway is Node only, and the browser talks to it over MQTT alone: nothing the browser
 * loads imports it, and it reads the line only through the shared namespace (session/line-link),
 * never the engine's insides or the store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
const importsOf = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('the gateway stays on its side', () => {
  it('nothing outside src/gateway and src/server imports it', () => {
    const offenders = sources(SRC)
      .filter((f) => !/src\/(gateway|server)\//.test(f))
      .filter((f) => importsOf(f).some((i) => i.includes('gateway/') || i.endsWith('/gateway')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
  it('the gateway imports from the project only the shared namespace', () => {
    const found: string[] = [];
    for (const f of sources(join(SRC, 'gateway'))) {
      for (const i of importsOf(f)) if (i.startsWith('..') && !i.startsWith('../session/line-link/')) found.push(`${relative(SRC, f)} → ${i}`);
    }
    expect(found).toEqual([]);
  });
  it('the namespace the gateway shares imports no browser code', () => {
    const found: string[] = [];
    for (const f of sources(join(SRC, 'session/line-link'))) {
      for (const i of importsOf(f)) if (/\.\.\/(store|ui|scene|app)\b|^(react|three|zustand)/.test(i)) found.push(`${relative(SRC, f)} → ${i}`);
    }
    expect(found).toEqual([]);
  });
});
