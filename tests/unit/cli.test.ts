import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { NODE, SIM, sim } from './sim-process';

describe('npm run sim (headless runner)', () => {
  it('prints one JSON report with the line, OEE and per-station figures', () => {
    const out = execFileSync(NODE, [SIM, 'scenarios/reference-line5.json', '--seed', '7', '--duration', '2d', '--warmup', '4h', '--json'], {
      encoding: 'utf8',
      cwd: join(__dirname, '../..'),
    });
    const r = JSON.parse(out);
    expect(r.scenario).toBe('reference-line5');
    expect(r.seed).toBe(7);
    expect(r.ticks).toBe(2 * 86400 * 10);
    expect(r.simulatedSeconds).toBe(2 * 86400);
    expect(r.stateHash).toMatch(/^[0-9a-f]{16}$/);
    for (const key of ['goodParts', 'scrapParts', 'throughputPerHour', 'wipAverage', 'leadTimeAverageSeconds']) expect(typeof r.line[key]).toBe('number');
    expect(Object.keys(r.line.oee).sort()).toEqual(['availability', 'oee', 'performance', 'quality']);
    expect(Object.keys(r.stations)).toContain('M3');
    const m3 = r.stations.M3;
    expect(m3.failures).toBeGreaterThan(0);
    expect(typeof m3.mtbfSeconds).toBe('number');
    expect(typeof m3.mttrSeconds).toBe('number');
    expect(m3.stateFractions.Execute).toBeGreaterThan(0.5);
    expect(m3.oee.oee).toBeGreaterThan(0);
    // Same inputs, same hash.
    const again = JSON.parse(
      execFileSync(NODE, [SIM, 'scenarios/reference-line5.json', '--seed', '7', '--duration', '2d', '--warmup', '4h', '--json'], { encoding: 'utf8', cwd: join(__dirname, '../..') }),
    );
    expect(again.stateHash).toBe(r.stateHash);
  });

  it('with a command log, adds the assessment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lf-'));
    const log = join(dir, 'log.json');
    const solutions = JSON.parse(readFileSync(join(__dirname, '../solutions/breakdown-drill.json'), 'utf8'));
    writeFileSync(log, JSON.stringify(solutions.reference));
    const r = sim(['scenarios/breakdown-drill.json', '--json', '--commands', log]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.assessment.passed).toBe(true);
    expect(report.assessment.faults[0].id).toBe('mill-drive');
    expect(report.assessment.faults[0].restoreSeconds).toBeGreaterThan(0);
  });

  it('prints a readable table without --json', () => {
    const r = sim(['scenarios/tutorial-line.json', '--duration', '1h']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OEE');
    expect(r.stdout).toContain('L1');
  });

  it('exits 2 with the validation errors, not a stack trace, for a bad scenario', () => {
    const r = sim(['tests/fixtures/bad-scenarios/negative-process-time.json', '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('line.stations[1].processTime: must be a positive duration');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for bad options, a missing file and a bad command log', () => {
    expect(sim(['scenarios/tutorial-line.json', '--seed', 'seven']).status).toBe(2);
    expect(sim(['scenarios/tutorial-line.json', '--bogus']).status).toBe(2);
    expect(sim(['scenarios/tutorial-line.json', '--duration', 'forever']).status).toBe(2);
    expect(sim(['no-such-file.json']).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'lf-'));
    const log = join(dir, 'log.json');
    writeFileSync(log, JSON.stringify([{ type: 'repair', tick: 10, station: 'M1', action: 'pray' }]));
    const r = sim(['scenarios/breakdown-drill.json', '--commands', log]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('commands[0].action');
  });
});

describe('npm run sim -- --verify (homework checking)', () => {
  it('exits 0 with the assessment for a session that reproduces', () => {
    const r = sim(['--verify', 'tests/golden/breakdown-drill.session.json', '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.reproduces).toBe(true);
    expect(report.assessment.passed).toBe(true);
  });

  it('exits 3 with the first divergent tick for an edited session, 2 for a file that is not a session', () => {
    const golden = JSON.parse(readFileSync(join(__dirname, '../golden/breakdown-drill.session.json'), 'utf8'));
    golden.commands = golden.commands.filter((c: { type: string }) => c.type !== 'repair');
    const dir = mkdtempSync(join(tmpdir(), 'lf-'));
    const edited = join(dir, 'edited.session.json');
    writeFileSync(edited, JSON.stringify(golden));
    const r = sim(['--verify', edited, '--json']);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).firstDivergentTick).toBeGreaterThan(6800);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": 1, "seed": 3');
    const b = sim(['--verify', broken]);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('not a valid session');
  });
});
