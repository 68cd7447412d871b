/**
 * Commands from outside the page (an OPC UA method call, an MQTT command topic, relayed by the
 * gateway) wait for the engine's verdict so that the caller hears it. Each gets a ref that the
 * engine service echoes on its result.
 */
import type { CommandResult } from '../engine';

export interface CommandWaiters {
  /** A new ref and the promise its result will settle. */
  add(): { readonly ref: number; readonly result: Promise<CommandResult> };
  settle(ref: number, result: CommandResult): void;
  /** Every waiting caller hears this refusal (the run was closed under them). */
  refuseAll(reason: string): void;
}

export function createCommandWaiters(): CommandWaiters {
  let next = 1;
  const waiting = new Map<number, (r: CommandResult) => void>();
  return {
    add() {
      const ref = next++;
      const result = new Promise<CommandResult>((resolve) => waiting.set(ref, resolve));
      return { ref, result };
    },
    settle(ref, result) {
      waiting.get(ref)?.(result);
      waiting.delete(ref);
    },
    refuseAll(reason) {
      for (const resolve of waiting.values()) resolve({ accepted: false, reason, refusal: null });
      waiting.clear();
    },
  };
}
