/**
 * Which lamp of the stack light shows a PackML state, and whether it blinks. Red on top,
 * amber in the middle, green at the bottom (IEC 60204-1 order), so the position tells the
 * state even without colour vision. A station needing attention blinks.
 */
import { Pack } from '../engine';

/** Lamps by position, top to bottom. */
export const LAMPS = ['red', 'amber', 'green'] as const;
export type Lamp = (typeof LAMPS)[number];

/**
 * The lit lamp's index in LAMPS, plus 3 when it blinks: a number, so the frame loop that
 * calls this allocates nothing.
 */
export function lampFor(pack: number, interlock: number): number {
  switch (pack) {
    case Pack.Execute:
      return 2;
    case Pack.Suspended:
      // Starved or blocked: running, waiting for the line.
      return interlock !== 0 ? 5 : 2;
    case Pack.Held:
    case Pack.Aborted:
    case Pack.Holding:
    case Pack.Aborting:
      return 3;
    case Pack.Stopped:
    case Pack.Idle:
    case Pack.Complete:
      return 1;
    default:
      return 4;
  }
}

/**
 * The lit lamp as a shape, printed before the state in the station's label and in the station
 * list, so that nobody needs to tell red from green: a cross for a stop that needs a technician
 * (red), a square for stopped or idle (amber), a triangle for running (green); hollow when the
 * lamp blinks (amber: changing state; green: running but starved or blocked).
 */
const LAMP_SYMBOLS = ['✖', '■', '▶', '✖', '□', '▷'] as const;

export function lampSymbol(pack: number, interlock: 'none' | 'starved' | 'blocked'): string {
  return LAMP_SYMBOLS[lampFor(pack, interlock === 'none' ? 0 : 1)] ?? '';
}
