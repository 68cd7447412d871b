/**
 * The scenario file format (format 1), as a zod schema. It is the single source of truth for
 * validation, for the TypeScript types of a parsed file, and for scenarios/scenario.schema.json
 * that editors use to autocomplete. Objects are strict: an unknown key is an error.
 */
import { z } from './zod';
import { COMMAND_ORIGINS, REPORT_FIGURES } from '../engine/core/commands-types';
import { CHECK_KINDS, REPAIR_ACTIONS } from '../engine/core/model';
import { DURATION_HINT, parseDuration } from './duration';
import { MAX_ALARM_RULES, MAX_CONNECTIONS, MAX_FAULTS, MAX_LOTS, MAX_RUN_DAYS, MAX_RUN_SECONDS, MAX_STATIONS, MAX_TEXT_ITEMS } from './limits';

export const FORMAT_VERSION = 1;

const durationValue = z.union([z.number(), z.string()], { error: `must be ${DURATION_HINT}` });
/** A duration that may be zero. */
export const duration = durationValue.refine((v) => parseDuration(v) !== null, { error: `must be ${DURATION_HINT}` });
/** A duration that must be more than zero. */
export const positiveDuration = durationValue.refine((v) => (parseDuration(v) ?? 0) > 0, {
  error: `must be a positive duration like 45 (seconds) or "45s", "5m", "2h", "30d"`,
});

export const id = z
  .string({ error: 'must be an id (text)' })
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, { error: 'must be an id: a letter, then letters, digits, "_", "-" or "." (at most 40)' });

/** Text for people, in English and optionally Norwegian bokmål. */
export const text = z.union([z.string(), z.strictObject({ en: z.string(), nb: z.string().optional() })], {
  error: 'must be text, or {"en": "...", "nb": "..."}',
});
/** A name or a short message: at most 120 characters in each language. */
const short = z.string().min(1, { error: 'must not be empty' }).max(120, { error: 'may be at most 120 characters' });
export const shortText = z.union([short, z.strictObject({ en: short, nb: short.optional() })], {
  error: 'must be a name of up to 120 characters, or {"en": "...", "nb": "..."}',
});

const probability = z.number({ error: 'must be a number from 0 to 1' }).min(0, { error: 'must be at least 0' }).max(1, { error: 'must be at most 1' });
const positiveInt = z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be more than 0' });

export const distribution = z.union(
  [
    positiveDuration,
    z.discriminatedUnion(
      'dist',
      [
        z.strictObject({ dist: z.literal('fixed'), value: duration }),
        z.strictObject({ dist: z.literal('uniform'), min: duration, max: positiveDuration }),
        z.strictObject({ dist: z.literal('exponential'), mean: positiveDuration }),
        z.strictObject({ dist: z.literal('normal'), mean: positiveDuration, sd: duration }),
        z.strictObject({ dist: z.literal('lognormal'), mean: positiveDuration, cv: z.number().min(0) }),
        z.strictObject({ dist: z.literal('weibull'), shape: z.number().positive(), scale: positiveDuration }),
        z.strictObject({ dist: z.literal('triangular'), min: duration, mode: duration, max: positiveDuration }),
        z.strictObject({
          dist: z.literal('empirical'),
          values: z.array(duration).min(1).max(MAX_LOTS, { error: `may list at most ${MAX_LOTS} values` }),
          weights: z.array(z.number().min(0)).max(MAX_LOTS, { error: `may list at most ${MAX_LOTS} weights` }).optional(),
        }),
      ],
      { error: 'dist must be one of fixed, uniform, exponential, normal, lognormal, weibull, triangular, empirical' },
    ),
  ],
  { error: `must be ${DURATION_HINT}, or a distribution like {"dist": "exponential", "mean": "1h"}` },
);

const position = z.tuple([z.number(), z.number()], { error: 'must be [x, z] in metres' });
export const SENSOR_KINDS = ['vibration', 'temperature', 'current', 'airPressure', 'cycleTime', 'dimension'] as const;
const sensorKind = z.enum(SENSOR_KINDS, { error: `must be one of ${SENSOR_KINDS.join(', ')}` });
const sensorOverride = z.strictObject({
  normal: z.tuple([z.number(), z.number()]).optional(),
  noise: z.number().min(0).optional(),
});
const sensorOverrides = z.partialRecord(sensorKind, sensorOverride).optional();

const stationCommon = {
  id,
  /** Shown on every screen; give it in both languages (`{"en": "Mill M1", "nb": "Fres M1"}`). */
  name: shortText.optional(),
  position: position.optional(),
};

const processCommon = {
  processTime: distribution,
  setupTime: duration.optional(),
  usesAir: z.boolean().optional(),
  sensors: sensorOverrides,
};

const characteristic = z.strictObject({
  name: z.string(),
  unit: z.string().optional(),
  nominal: z.number(),
  tolerance: z.number().positive({ error: 'must be more than 0 (the ± tolerance)' }),
  sd: z.number().min(0),
  thermalCoeff: z.number().optional(),
});

export const STATION_TYPES = ['source', 'buffer', 'conveyor', 'machine', 'assembly', 'inspection', 'sink'] as const;

export const station = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      ...stationCommon,
      type: z.literal('source'),
      interarrival: distribution.optional(),
      lots: z.array(z.strictObject({ id, quantity: positiveInt })).min(1).max(MAX_LOTS, { error: `a source may have at most ${MAX_LOTS} lots` }).optional(),
    }),
    z.strictObject({ ...stationCommon, type: z.literal('buffer'), capacity: positiveInt }),
    z.strictObject({
      ...stationCommon,
      type: z.literal('conveyor'),
      length: z.number().positive({ error: 'must be a length in metres, more than 0' }),
      speed: z.number().positive({ error: 'must be a speed in m/s, more than 0' }),
      capacity: positiveInt,
      sensors: sensorOverrides,
    }),
    z.strictObject({ ...stationCommon, ...processCommon, type: z.literal('machine'), characteristic: characteristic.optional() }),
    z.strictObject({ ...stationCommon, ...processCommon, type: z.literal('assembly') }),
    z.strictObject({
      ...stationCommon,
      ...processCommon,
      processTime: z.union([duration, distribution], { error: `must be ${DURATION_HINT} (0 is allowed) or a distribution` }),
      type: z.literal('inspection'),
      scrapProbability: probability.optional(),
      reworkTo: id.optional(),
      reworkSide: z.enum(['above', 'below']).optional(),
      gaugeSd: z.number().min(0).optional(),
    }),
    z.strictObject({ ...stationCommon, type: z.literal('sink') }),
  ],
  { error: `type must be one of ${STATION_TYPES.join(', ')}` },
);

export const REPAIR_ACTION_NAMES = REPAIR_ACTIONS;
const repairAction = z.enum(REPAIR_ACTION_NAMES, { error: `must be one of ${REPAIR_ACTION_NAMES.join(', ')}` });

const trigger = z.union(
  [
    z.strictObject({ at: duration }),
    z.strictObject({ afterParts: positiveInt }),
    z.strictObject({ manual: z.literal(true) }),
    z.strictObject({ mtbf: positiveDuration, basis: z.enum(['busy', 'calendar']).optional() }),
    z.strictObject({ random: distribution, basis: z.enum(['busy', 'calendar']).optional() }),
  ],
  { error: 'must be {"at": "10m"}, {"afterParts": 50}, {"mtbf": "1h", "basis": "busy"} or {"random": <distribution>, "basis": "calendar"}' },
);

const faultCommon = {
  id,
  station: id.optional(),
  trigger: trigger.optional(),
  resolvedBy: z.array(repairAction).min(1).max(20).optional(),
  recurring: z.boolean().optional(),
  description: text.optional(),
  /**
   * The repair a student is tempted to try, which fixes nothing: the drill check proves that
   * it scores lower than the right fix. Changes nothing in the run.
   */
  temptingFix: repairAction.optional(),
};

export const FAULT_TYPES = [
  'breakdown',
  'bearingWear',
  'lubricationFailure',
  'toolWear',
  'calibrationOffset',
  'sensorStuck',
  'sensorNoisy',
  'sensorDead',
  'conveyorJam',
  'airPressureDrop',
  'spindleOverheating',
  'badMaterialLot',
  'wrongParameter',
  'powerDip',
  'eStop',
  'gripperMisalignment',
] as const;

export const fault = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      ...faultCommon,
      type: z.literal('breakdown'),
      repair: z.enum(['auto', 'manual']).optional(),
      mttr: distribution.optional(),
      stopReason: z.number().int().min(257).max(512).optional(),
    }),
    z.strictObject({ ...faultCommon, type: z.literal('bearingWear'), timeToFailure: positiveDuration }),
    z.strictObject({ ...faultCommon, type: z.literal('lubricationFailure'), timeToFailure: positiveDuration }),
    z.strictObject({ ...faultCommon, type: z.literal('toolWear'), driftPerPart: z.number() }),
    z.strictObject({ ...faultCommon, type: z.literal('calibrationOffset'), offset: z.number() }),
    z.strictObject({ ...faultCommon, type: z.literal('sensorStuck'), sensor: sensorKind, value: z.number().optional() }),
    z.strictObject({ ...faultCommon, type: z.literal('sensorNoisy'), sensor: sensorKind, factor: z.number().gt(1).optional() }),
    z.strictObject({ ...faultCommon, type: z.literal('sensorDead'), sensor: sensorKind, signal: z.enum(['low', 'high']).optional() }),
    z.strictObject({ ...faultCommon, type: z.literal('conveyorJam') }),
    z.strictObject({ ...faultCommon, type: z.literal('airPressureDrop'), drop: z.number().positive(), develop: duration.optional() }),
    z.strictObject({ ...faultCommon, type: z.literal('spindleOverheating'), rise: z.number().positive() }),
    z.strictObject({ ...faultCommon, type: z.literal('badMaterialLot'), lot: id, defectRate: probability }),
    z.strictObject({ ...faultCommon, type: z.literal('wrongParameter'), speed: z.number().min(10).max(120) }),
    z.strictObject({ ...faultCommon, type: z.literal('powerDip'), stations: z.array(id).min(1).max(MAX_STATIONS).optional() }),
    z.strictObject({ ...faultCommon, type: z.literal('eStop'), stations: z.array(id).min(1).max(MAX_STATIONS).optional() }),
    z.strictObject({
      ...faultCommon,
      type: z.literal('gripperMisalignment'),
      retryFactor: z.number().min(1).max(5).optional(),
      biasRate: probability.optional(),
    }),
  ],
  { error: `type must be one of ${FAULT_TYPES.join(', ')}` },
);

const alarmRule = z.strictObject({
  id,
  station: id,
  condition: z.enum(['high', 'low', 'bad', 'stopped']),
  sensor: sensorKind.optional(),
  limit: z.number().optional(),
  deadband: z.number().min(0).optional(),
  onDelay: duration.optional(),
  offDelay: duration.optional(),
  priority: z.enum(['high', 'medium', 'low']),
  message: shortText,
  suppressWhenStopped: z.boolean().optional(),
  trip: z.boolean().optional(),
});

const repairTimes = z.partialRecord(repairAction, positiveDuration);
const checkTimes = z.partialRecord(z.enum(CHECK_KINDS), positiveDuration);
const transitionTimes = z.strictObject({
  starting: duration.optional(),
  stopping: duration.optional(),
  resetting: duration.optional(),
  clearing: duration.optional(),
  holding: duration.optional(),
  unholding: duration.optional(),
  aborting: duration.optional(),
});

const scoring = z.strictObject({
  passScore: z.number().min(0).max(100).optional(),
  targets: z
    .strictObject({ detect: duration.optional(), diagnose: duration.optional(), restore: duration.optional() })
    .optional(),
  penalties: z
    .strictObject({
      perMinuteLate: z.number().min(0).optional(),
      wrongRepair: z.number().min(0).optional(),
      unneededCheck: z.number().min(0).optional(),
      hint: z.number().min(0).optional(),
      unresolvedFault: z.number().min(0).optional(),
      lostPart: z.number().min(0).optional(),
      scrapPart: z.number().min(0).optional(),
    })
    .optional(),
  /** A customer order due at the end of the shift (time pressure): points per good part short. */
  order: z.strictObject({ goodParts: positiveInt, perPartShort: z.number().min(0).optional() }).optional(),
});

const checkKind = z.enum(CHECK_KINDS, { error: `must be one of ${CHECK_KINDS.join(', ')}` });

/**
 * An objective as a rule the assessment checks, so the debrief can say met or not met and why.
 * Times are from the start of the fault (of `fault`, or of every exercise fault).
 */
export const objectiveCheck = z.discriminatedUnion(
  'kind',
  [
    /** An alarm of the faulted station acknowledged in time. */
    z.strictObject({ kind: z.literal('acknowledgeWithin'), within: positiveDuration, fault: id.optional() }),
    /** A first action at the faulted station in time (the assessment's "detected"). */
    z.strictObject({ kind: z.literal('detectWithin'), within: positiveDuration, fault: id.optional() }),
    /** A correct diagnosis declared, or the right repair begun, in time. */
    z.strictObject({ kind: z.literal('diagnoseWithin'), within: positiveDuration, fault: id.optional() }),
    /** The fault fixed and the station producing again in time. */
    z.strictObject({ kind: z.literal('restoreWithin'), within: positiveDuration, fault: id.optional() }),
    /** This check made at the faulted station before the fix (and under lock-out, if asked). */
    z.strictObject({ kind: z.literal('checkBeforeFix'), check: checkKind, lockedOut: z.boolean().optional(), fault: id.optional() }),
    /** The fault fixed, and every repair done under lock-out. */
    z.strictObject({ kind: z.literal('fixUnderLockOut'), fault: id.optional() }),
    /** The fault fixed with this repair. */
    z.strictObject({ kind: z.literal('fixWith'), action: repairAction, fault: id.optional() }),
    /** Every fault fixed, without one repair that fixed nothing. */
    z.strictObject({ kind: z.literal('fixWithoutWrongRepair') }),
    /** The fault fixed before it made an extra scrap part. */
    z.strictObject({ kind: z.literal('fixBeforeScrap'), fault: id.optional() }),
    /** A wearing part (bearing, lubrication) fixed before it failed and stopped the station. */
    z.strictObject({ kind: z.literal('fixBeforeFailure'), fault: id.optional() }),
    /** The customer order complete by the end of the run. */
    z.strictObject({ kind: z.literal('orderMet') }),
    /** The fault fixed, and every PackML command that brought the line back given through this interface (OPC UA, MQTT). */
    z.strictObject({ kind: z.literal('commandsVia'), via: z.enum(COMMAND_ORIGINS, { error: `must be one of ${COMMAND_ORIGINS.join(', ')}` }), fault: id.optional() }),
    /** A figure (a station's OEE) worked out from the line's data and reported, within `tolerance` (absolute, 0.02 = 2 points) of the engine's own at that moment. */
    z.strictObject({ kind: z.literal('reportFigure'), figure: z.enum(REPORT_FIGURES), station: id, tolerance: z.number().positive().max(0.5).optional() }),
  ],
  { error: 'kind must be one of acknowledgeWithin, detectWithin, diagnoseWithin, restoreWithin, checkBeforeFix, fixUnderLockOut, fixWith, fixWithoutWrongRepair, fixBeforeScrap, fixBeforeFailure, orderMet, commandsVia, reportFigure' },
);

/** An objective: a text alone (shown, not judged), or a text with the rule that judges it. */
const objective = z.union([text, z.strictObject({ text, check: objectiveCheck })], {
  error: 'must be a text, or {"text": ..., "check": {"kind": ...}}',
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FORMAT_VERSION, { error: `must be ${FORMAT_VERSION}` }),
  id,
  title: text,
  briefing: text,
  difficulty: z.enum(['tutorial', 'intro', 'core', 'advanced', 'crisis', 'reference']).optional(),
  topics: z.array(shortText).max(MAX_TEXT_ITEMS).optional(),
  seed: z.number().int().min(0).max(4294967295),
  duration: positiveDuration.refine((v) => (parseDuration(v) ?? 0) <= MAX_RUN_SECONDS, { error: `must be at most ${MAX_RUN_DAYS} days` }),
  warmup: duration.optional(),
  initialState: z.enum(['running', 'stopped']).optional(),
  /** `dark`: the control room's screens are out (the line is read and run through OPC UA or MQTT only). */
  hmi: z.enum(['normal', 'dark']).optional(),
  ambient: z.number().optional(),
  airPressure: z.number().positive().optional(),
  line: z.strictObject({
    stations: z
      .array(station)
      .min(2, { error: 'a line needs at least a source and a sink' })
      .max(MAX_STATIONS, { error: `a line may have at most ${MAX_STATIONS} stations` }),
    connections: z
      .array(z.tuple([id, id], { error: 'must be ["FROM", "TO"]' }))
      .min(1)
      .max(MAX_CONNECTIONS, { error: `a line may have at most ${MAX_CONNECTIONS} connections` }),
  }),
  alarms: z
    .strictObject({
      defaults: z.enum(['all', 'states', 'none']).optional(),
      scan: positiveDuration.optional(),
      rules: z.array(alarmRule).max(MAX_ALARM_RULES, { error: `at most ${MAX_ALARM_RULES} alarm rules` }).optional(),
    })
    .optional(),
  faults: z.array(fault).max(MAX_FAULTS, { error: `a scenario may have at most ${MAX_FAULTS} faults` }).optional(),
  repairTimes: repairTimes.optional(),
  checkTimes: checkTimes.optional(),
  transitionTimes: transitionTimes.optional(),
  objectives: z.array(objective).max(MAX_TEXT_ITEMS).optional(),
  hints: z.array(text).max(MAX_TEXT_ITEMS).optional(),
  evidence: z.array(text).max(MAX_TEXT_ITEMS).optional(),
  teacherNote: text.optional(),
  scoring: scoring.optional(),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type StationFile = z.infer<typeof station>;
export type FaultFile = z.infer<typeof fault>;
export type DistributionFile = z.infer<typeof distribution>;
export type Text = z.infer<typeof text>;
export type ObjectiveFile = z.infer<typeof objective>;
export type ObjectiveCheck = z.infer<typeof objectiveCheck>;
