/**
 * The engine's behaviour version. Change it whenever a deliberate change makes an old command
 * log replay differently (golden sessions then need a migration or regeneration): a session
 * file records the version it was made with.
 *
 * 2: gripper misalignment (new fault and repair); a robot's tool (gripper) can be inspected,
 *    which version 1 refused.
 */
/*
 * 3: a station's "stopped by a fault" alarm stays active while the fault is there (an operator's
 *    Stop or Reset no longer clears it) and clears when a repair removes the cause.
 */
/*
 * 4: a station that scraps a part where it stands (an inspection) wakes the buffer before it,
 *    as one that passes a part on always did; before, the buffer waited for its next arrival
 *    and the line could lock up (machines blocked, the gauge starved: bad-material-lot at 1.5 h).
 */
/*
 * 5: a repair that cannot be made at a station is refused (a drill has no robot to re-teach, a
 *    conveyor no cutting tool, a lot is quarantined at the source); before, it was accepted and
 *    counted as a wrong repair. A healthy sensor's noisy reading no longer goes below its
 *    transmitter's zero (a stopped machine's vibration read -0.05 mm/s); a sensor that sticks
 *    while reading near zero freezes at 0. Other command logs replay as before.
 */
/*
 * 6: a lubrication level check says how much lubricant is gone since the reservoir was filled
 *    ("88 %, 12 % gone"): early in a lubrication failure the level alone still read inside its
 *    band and sent students away from the cause. The check's result is part of the state, so a
 *    log with such a check hashes differently. A dimension alarm clears only after two minutes
 *    of parts all in tolerance (it chattered: one good part cleared it while a drifting size was
 *    still scattering across the limit), so every log of a line with a gauge replays differently.
 */
/*
 * 7: a master-part check at a gauge that measures a machine's parts bears on that machine's
 *    fault (tool wear, a bad lot), as one at the machine always did; before, it counted as an
 *    unneeded check. Whether a check bore on a fault is state, so only logs with such a check
 *    hash differently.
 */
/*
 * 8: a conveyor's motor current has a band of its own, normal up to a full belt's draw with 1 A
 *    to spare (0–5 A for a belt of ten); it had the machines' 0–9 A, inside which a jammed belt's
 *    8.5 A read as normal. A handheld check keeps the band it was read against, so a log with a
 *    handheld check on a conveyor hashes differently; other logs replay as before.
 */
/*
 * 9: a part's cycle time is the time its station ran on it: a machine stopped with a part in it
 *    (a breakdown, a repair, a hold) read the whole stop as that part's cycle, and its cycle
 *    time stayed flagged slow after the right fix until the next part. The stop's start is kept
 *    in the station's state, so most logs with a stop hash differently.
 */
export const ENGINE_VERSION = 9;
