/**
 * An alarm flood after ISA-18.2: more than FLOOD_COUNT alarms in FLOOD_WINDOW_TICKS (ten in ten
 * minutes for one operator). The alarm system counts activations; the view reports the flood.
 */
import { TICKS_PER_SECOND } from './time';

export const FLOOD_WINDOW_TICKS = 600 * TICKS_PER_SECOND;
export const FLOOD_COUNT = 10;
