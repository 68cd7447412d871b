/**
 * The engine's behaviour version. Change it whenever a deliberate change makes an old command
 * log replay differently (golden sessions then need a migration or regeneration): a session
 * file records the version it was made with.
 */
export const ENGINE_VERSION = 1;
