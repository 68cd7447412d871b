import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = join(__dirname, '../../src/engine');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"](react|react-dom|three|zustand|zod|@react-three\/[\w-]+)['"]/, 'imports a UI or external library'],
  [/from\s+['"](\.\.\/)+(scenario|session|store|scene|ui|app|assessment|cli|server|gateway|editor|experiment|i18n)(\/|['"])/, 'imports from a layer above the engine'],
  [/from\s+['"]node:/, 'imports a Node module'],
  [/Math\.random/, 'uses Math.random'],
  [/\bDate\b/, 'uses Date'],
  [/performance\.now/, 'uses performance.now'],
  [/\b(setTimeout|setInterval|requestAnimationFrame)\b/, 'uses a timer'],
  [/\b(window|document|localStorage)\./, 'uses the DOM'],
  [/Math\.(pow|exp|expm1|log|log1p|log2|log10|sin|cos|tan|atan|atan2|asin|acos|sinh|cosh|tanh|cbrt|hypot)\(/, 'uses an engine-dependent transcendental'],
  [/\*\*/, 'uses ** (Math.pow underneath)'],
];

describe('the engine is pure and deterministic by construction', () => {
  const files = sources(ENGINE);
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const file of files) {
    it(`${file.slice(file.indexOf('src/engine'))} uses nothing forbidden`, () => {
      // Comments may name what they avoid; only code counts.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
      const lines = text.split('\n');
      const found: string[] = [];
      lines.forEach((line, k) => {
        const code = line.replace(/\/\/.*$/, '');
        for (const [re, what] of FORBIDDEN) if (re.test(code)) found.push(`line ${k + 1} ${what}: ${line.trim()}`);
      });
      expect(found).toEqual([]);
    });
  }
});
