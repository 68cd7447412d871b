import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/scene/palette';
import { deltaE2000, lab, linearRgb, simulate, type Vision } from '../colour-vision';

/**
 * Two colours that mean different things must stay clearly apart (CIEDE2000 ≥ 20; about 2.3 is
 * a just-noticeable difference) for normal vision and for each of the three dichromacies.
 */
const APART = 20;
const VISIONS: readonly (Vision | 'normal')[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

function closestPair(colours: Record<string, string>, vision: Vision | 'normal'): { pair: string; dE: number } {
  const names = Object.keys(colours);
  const seen = names.map((n) => {
    const rgb = linearRgb(colours[n]!);
    return lab(vision === 'normal' ? rgb : simulate(rgb, vision));
  });
  let best = { pair: '', dE: Number.POSITIVE_INFINITY };
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const dE = deltaE2000(seen[i]!, seen[j]!);
      if (dE < best.dE) best = { pair: `${names[i]}/${names[j]}`, dE };
    }
  return best;
}

describe('colour-blind-safe palette', () => {
  for (const [group, colours] of Object.entries(PALETTE))
    for (const vision of VISIONS)
      it(`${group}: every pair stays apart with ${vision} vision`, () => {
        const { pair, dE } = closestPair(colours, vision);
        expect(dE, `${group} ${pair} under ${vision}`).toBeGreaterThanOrEqual(APART);
      });

  it('catches a palette that merges under deuteranopia (the classic red and green)', () => {
    expect(closestPair({ red: '#e53935', green: '#43a047' }, 'normal').dE).toBeGreaterThan(APART);
    expect(closestPair({ red: '#e53935', green: '#43a047' }, 'deuteranopia').dE).toBeLessThan(APART);
  });

  it('agrees with the published CIEDE2000 test data (Sharma et al., pair 1 and 17)', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it('is the palette the style sheet uses for alarms', () => {
    const css = readFileSync('src/app/styles.css', 'utf8');
    for (const [priority, colour] of Object.entries(PALETTE.alarm)) expect(css).toContain(`--alarm-${priority}: ${colour};`);
  });
});
