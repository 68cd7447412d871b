import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_KIND, loadBackupText, makeBackup, newRuns } from '../../src/session/backup';
import type { SavedSession } from '../../src/session/saved-sessions';
import { loadSessionText } from '../../src/session/session-file';

function golden(name: string) {
  const r = loadSessionText(readFileSync(`tests/golden/${name}.session.json`, 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.session;
}

const runs: SavedSession[] = ['breakdown-drill', 'tool-wear-drift', 'stuck-sensor-wrong'].map((name, k) => {
  const file = golden(name);
  return { id: `run-${k}`, name: `run ${k}`, scenarioId: file.scenario.id, title: file.scenario.title, savedAt: `2026-12-0${k + 1}T10:00:00.000Z`, endTick: file.endTick, score: 50 + k, passed: k > 0, finished: true, file };
});

describe('backup of all my work', () => {
  it('round-trips every run with its session, name, date and score', () => {
    const text = JSON.stringify(makeBackup(runs, '2026-12-02T00:00:00.000Z'));
    const back = loadBackupText(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.runs).toEqual(runs);
  });

  it('leaves out a run that has not reached its first save', () => {
    const empty = { ...runs[0]!, id: 'empty', finished: false, file: { ...runs[0]!.file, checkpoints: [] } };
    expect(makeBackup([...runs, empty], '2026-12-02T00:00:00.000Z').runs.map((r) => r.id)).toEqual(['run-0', 'run-1', 'run-2']);
  });

  it('merges without duplicates, by id or by content', () => {
    const renamed = { ...runs[1]!, id: 'other-id', name: 'the same run under another id' };
    const { add, duplicates } = newRuns([runs[0]!], [runs[0]!, renamed, runs[1]!, runs[2]!]);
    expect(add.map((r) => r.id)).toEqual(['other-id', 'run-2']);
    expect(duplicates).toBe(2);
  });

  it('refuses a broken backup with the path of what is wrong, and other files in words', () => {
    const backup = JSON.parse(JSON.stringify(makeBackup(runs, '2026-12-02T00:00:00.000Z')));
    backup.runs[1].session.seed = 'eleven';
    backup.runs[2].session.commands[0].tick = -5;
    const r = loadBackupText(JSON.stringify(backup));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['runs[1].session.seed', expect.stringMatching(/^runs\[2\]\.session\.commands\[0\]/)]));
    const session = loadBackupText(readFileSync('tests/golden/breakdown-drill.session.json', 'utf8'));
    expect(session).toEqual({ ok: false, errors: [{ path: 'kind', message: expect.stringContaining(BACKUP_KIND) }] });
    expect(loadBackupText('{"kind": "learning-factory-backup", "format": 7, "runs": []}')).toEqual({ ok: false, errors: [{ path: 'format', message: expect.stringContaining('newer') }] });
    expect(loadBackupText('{"kind": "learning-factory-backup", "fo')).toEqual({ ok: false, errors: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
    expect(loadBackupText(`${'['.repeat(5000)}${']'.repeat(5000)}`).ok).toBe(false);
  });
});
