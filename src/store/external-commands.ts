/**
 * Commands from outside the page (an OPC UA method call, an MQTT command topic, relayed by the
 * gateway) wait for the engine's verdict so that the caller hears it: by the id of the command's
 * request, which the engine service names on its result.
 */
import type { CommandResult } from '../engine';

export interface CommandWaiters {
  /** The promise the result of request `ref` will settle. */
  wait(ref: number): Promise<CommandResult>;
  settle(ref: number, result: CommandResult): void;
  /** Every waiting caller hears this refusal (the run was closed under them). */
  refuseAll(reason: string): void;
}

export function createCommandWaiters(): CommandWaiters {
  const waiting = new Map<number, (r: CommandResult) => void>();
  return {
    wait(ref) {
      return new Promise<CommandResult>((resolve) => waiting.set(ref, resolve));
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
