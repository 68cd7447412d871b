/**
 * Which lamp of the stack light shows a PackML state, and whether it blinks. Red on top,
 * amber in the middle, green at the bottom (IEC 60204-1 order), so the position tells the
 * state even without colour vision. A station needing attention blinks.
 */
import { Pack } from '../engine';

export type Lamp = 'red' | 'amber' | 'green';

export function lampFor(pack: number, interlock: number): { lamp: Lamp; blink: boolean } {
  switch (pack) {
    case Pack.Execute:
      return { lamp: 'green', blink: false };
    case Pack.Suspended:
      // Starved or blocked: running, waiting for the line.
      return { lamp: 'green', blink: interlock !== 0 };
    case Pack.Held:
    case Pack.Aborted:
    case Pack.Holding:
    case Pack.Aborting:
      return { lamp: 'red', blink: true };
    case Pack.Stopped:
    case Pack.Idle:
    case Pack.Complete:
      return { lamp: 'amber', blink: false };
    default:
      return { lamp: 'amber', blink: true };
  }
}
