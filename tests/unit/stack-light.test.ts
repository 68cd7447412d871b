import { describe, expect, it } from 'vitest';
import { Pack } from '../../src/engine';
import { LAMPS, lampFor } from '../../src/scene/stack-light';

const show = (pack: number, interlock = 0) => {
  const code = lampFor(pack, interlock);
  return `${LAMPS[code % 3]}${code >= 3 ? ' blinking' : ''}`;
};

describe('stack light: the PackML state by colour and by position', () => {
  it('running is a steady green at the bottom; waiting for the line blinks it', () => {
    expect(show(Pack.Execute)).toBe('green');
    expect(show(Pack.Suspended, 1)).toBe('green blinking');
  });
  it('a fault stop blinks red at the top, to draw the eye', () => {
    expect(show(Pack.Held)).toBe('red blinking');
    expect(show(Pack.Aborted)).toBe('red blinking');
  });
  it('stopped and idle are a steady amber in the middle; moving between states blinks amber', () => {
    expect(show(Pack.Stopped)).toBe('amber');
    expect(show(Pack.Idle)).toBe('amber');
    expect(show(Pack.Starting)).toBe('amber blinking');
    expect(LAMPS).toEqual(['red', 'amber', 'green']);
  });
});
