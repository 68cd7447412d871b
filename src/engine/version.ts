/**
 * The engine's behaviour version. Change it whenever a deliberate change makes an old command
 * log replay differently (golden sessions then need a migration or regeneration): a session
 * file records the version it was made with.
 *
 * 2: gripper misalignment (new fault and repair); a robot's tool (gripper) can be inspected,
 *    which version 1 refused.
 */
export const ENGINE_VERSION = 2;
