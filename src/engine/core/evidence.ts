/**
 * Which diagnostic checks bear on which fault (DOMAIN §7, "what the trainee can see"). Used to
 * tell a purposeful check from an unneeded one.
 */
import type { CheckKind, FaultType } from './model';

export const RELEVANT_CHECKS: Readonly<Record<FaultType, readonly CheckKind[]>> = {
  breakdown: [],
  bearingWear: ['handheld', 'lubricationLevel'],
  lubricationFailure: ['lubricationLevel', 'handheld'],
  toolWear: ['inspectTool', 'masterPart'],
  calibrationOffset: ['masterPart', 'inspectTool'],
  sensorStuck: ['handheld'],
  sensorNoisy: ['handheld'],
  sensorDead: ['handheld'],
  conveyorJam: [],
  airPressureDrop: ['handheld'],
  spindleOverheating: ['handheld', 'inspectTool'],
  badMaterialLot: ['masterPart', 'inspectTool'],
  wrongParameter: [],
  powerDip: [],
  eStop: [],
  gripperMisalignment: ['inspectTool'],
};
