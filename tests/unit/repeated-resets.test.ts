import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine';
import { loadScenarioText } from '../../src/scenario';
import { buildReplayIndex } from '../../src/session/replay-index';
import { makeSession } from '../../src/session/session-file';
import { repeatedResets } from '../../src/ui/debrief-text';

const loaded = loadScenarioText(readFileSync('scenarios/breakdown-drill.json', 'utf8'));
if (!loaded.ok) throw new Error('breakdown-drill');
const { model, scenario } = loaded;
const solutions = JSON.parse(readFileSync('tests/solutions/breakdown-drill.json', 'utf8')) as { reference: Command[]; wrong: Command[] };
const markersOf = (commands: readonly Command[]) => buildReplayIndex(model, makeSession(scenario, scenario.seed, commands, model.durationTicks, []), { keyframes: false }).markers;

describe('the debrief\'s "Reset pressed N times"', () => {
  it('counts the Resets that took effect: restarting the mill twice without a repair is named', () => {
    expect(repeatedResets(markersOf(solutions.wrong))).toEqual([['M1', 2]]);
  });

  it('leaves out Resets that were refused (they are in the refused list): the right procedure with two refused ones is not named', () => {
    const refused: Command[] = [
      { type: 'packml', tick: 6710, station: 'M1', command: 'reset' },
      { type: 'packml', tick: 6770, station: 'M1', command: 'reset' },
    ];
    const commands = [...solutions.reference, ...refused].sort((x, y) => x.tick - y.tick);
    const markers = markersOf(commands);
    const resets = markers.filter((m) => m.kind === 'command' && m.command.type === 'packml' && m.command.command === 'reset');
    expect(resets.map((m) => m.kind === 'command' && m.accepted)).toEqual([false, false, true]);
    expect(repeatedResets(markers)).toEqual([]);
  });
});
