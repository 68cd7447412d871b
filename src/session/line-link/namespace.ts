/**
 * The line in the factory's namespace (DOMAIN §9): the ISA-95 levels as topic levels
 * (`enterprise/site/area/line/station/...`), one value per topic, a station's Status and Admin
 * tags named as PackTags (OPC 30050), its instruments with their units and an OPC UA status.
 * Everything here is built from `observe()` and the line's layout: never the hidden truth.
 * Pure, so the browser's publisher and the Node gateway read the line through the same names.
 */
import { z } from '../../scenario/zod';
import { type AlarmRule, COMMAND_ORIGINS, isProcess, type LineModel, type StationSpec, type LogEntry, type Observation, packName, type SensorView, type StationView, TICKS_PER_SECOND } from '../../engine';
import type { UserCommand } from '../engine-protocol';

/** Where the line sits in the enterprise (ISA-95): each part one topic level. */
export interface LinePath {
  readonly enterprise: string;
  readonly site: string;
  readonly area: string;
  readonly line: string;
}

export const DEFAULT_PATH: Omit<LinePath, 'line'> = { enterprise: 'learning-factory', site: 'school', area: 'lab' };

/** A topic level: letters, digits, '_', '-', '.'; never '/', '+', '#' or a space. */
export const LEVEL = /^[A-Za-z0-9_.-]{1,64}$/;

/** Why a path cannot be used, in words, or '' when it can. */
export function pathProblem(p: LinePath): string {
  for (const k of ['enterprise', 'site', 'area', 'line'] as const) {
    if (!LEVEL.test(p[k])) return `The ${k} "${p[k]}" must be letters, digits, "_", "-" or "." (at most 64), without "/", "+", "#" or spaces.`;
  }
  return '';
}

export const rootOf = (p: LinePath): string => `${p.enterprise}/${p.site}/${p.area}/${p.line}`;

/** OPC UA status names for a value, as a real system reports them. */
export type Quality = 'Good' | 'Bad_SensorFailure' | 'Uncertain_LastUsableValue';

/** One value of one topic. `text` says in words what a code means (a state, a stop reason). */
export interface Tag {
  readonly value: number | string | boolean | null;
  readonly quality: Quality;
  /** The simulated moment, on the wall clock of the session's origin (ISO 8601). */
  readonly timestamp: string;
  readonly unit?: string;
  readonly text?: string;
}

/** PackTags UnitModeCurrent: a locked-out station is in maintenance. */
export const UnitMode = { Production: 1, Maintenance: 2 } as const;

/** The PackML commands as OPC 30050 names them, and the engine's command for each. */
export const PACK_METHODS = {
  Reset: 'reset',
  Start: 'start',
  Stop: 'stop',
  Hold: 'hold',
  Unhold: 'unhold',
  Suspend: 'suspend',
  Unsuspend: 'unsuspend',
  Abort: 'abort',
  Clear: 'clear',
} as const;
export type PackMethod = keyof typeof PACK_METHODS;
export const PACK_METHOD_NAMES = Object.keys(PACK_METHODS) as PackMethod[];

/** The line's layout, retained at `<root>/_meta/model`: what the gateway builds its OPC UA address space from. */
export interface LineDescription {
  readonly format: 1;
  readonly root: string;
  readonly title: string;
  /** The wall-clock moment of tick 0 (ISO 8601): source timestamps are this plus simulated time. */
  readonly origin: string;
  /** A replay: commands are refused. */
  readonly readOnly: boolean;
  readonly stations: readonly {
    readonly id: string;
    readonly name: string;
    readonly type: string;
    /** Buffers and sinks have no PackML controls. */
    readonly controls: boolean;
    /** PackTags MachDesignSpeed: parts per minute at the ideal cycle; null for a station that does not process parts. */
    readonly designSpeed: number | null;
    readonly instruments: readonly { readonly kind: string; readonly unit: string; readonly range: readonly [number, number]; readonly normal: readonly [number, number] }[];
    readonly alarms: readonly { readonly id: string; readonly priority: string; readonly message: string }[];
  }[];
}

export const META_MODEL = '_meta/model';
/** Retained by the gateway: where its servers listen, so the page can tell the student ({ opcua: "opc.tcp://…" }). */
export const GATEWAY_ENDPOINTS = '_gateway/endpoints';
/** `online` while the browser is connected; the broker publishes `offline` (its will) when it goes. */
export const META_STATUS = '_meta/status';
/** Which browser page publishes the line (retained): two browsers never share a root. */
export const META_OWNER = '_meta/owner';
/** Not retained: a browser about to claim a root sends its owner id here to itself (claim.ts). */
export const META_CLAIM = '_meta/claim';

export function describeLine(model: LineModel, root: string, title: string, originMs: number, readOnly: boolean): LineDescription {
  const alarmsAt = (i: number): AlarmRule[] => model.alarmsOf[i]!.map((ai) => model.alarms[ai]!);
  return {
    format: 1,
    root,
    title,
    origin: new Date(originMs).toISOString(),
    readOnly,
    stations: model.stations.map((st, i) => ({
      id: st.id,
      name: st.name,
      type: st.type,
      controls: st.type !== 'buffer' && st.type !== 'sink',
      designSpeed: designSpeed(st),
      instruments: Object.values(model.sensorsOf[i]!)
        .filter((si): si is number => si !== undefined)
        .map((si) => {
          const s = model.sensors[si]!;
          return { kind: s.kind, unit: s.unit, range: s.range, normal: s.normal };
        }),
      alarms: alarmsAt(i).map((a) => ({ id: a.id, priority: a.priority, message: a.message })),
    })),
  };
}

/** Parts per minute at the station's ideal cycle (PackTags MachDesignSpeed), or null. */
export function designSpeed(st: StationSpec): number | null {
  return isProcess(st) && st.idealCycleTicks > 0 ? (60 * TICKS_PER_SECOND) / st.idealCycleTicks : null;
}

/** Seconds of simulated time as an ISO timestamp from the session's origin. */
export const stampOf = (originMs: number, tick: number): string => new Date(originMs + (tick / TICKS_PER_SECOND) * 1000).toISOString();

export const stateTopic = (root: string, station: string): string => `${root}/${station}/Status/StateCurrent`;

function stateTag(state: number, stamp: string): Tag {
  return { value: state, quality: 'Good', timestamp: stamp, text: packName(state) };
}

/**
 * What an instrument's signal tells a receiving system. A NAMUR NE43 signal outside
 * 3.6–21 mA is a failed sensor; a value that has not moved at all for a while, from a
 * transmitter that always shows some noise, is only the last usable one (`frozenSince`).
 */
export function instrumentQuality(sensor: SensorView, frozen: boolean): Quality {
  if (sensor.quality === 'bad') return 'Bad_SensorFailure';
  return frozen ? 'Uncertain_LastUsableValue' : 'Good';
}

/** Every tag of the line at this observation, topic → value. `frozen` names the instruments seen flat. */
export function tagsOf(obs: Observation, model: LineModel, root: string, originMs: number, frozen: ReadonlySet<string>): Map<string, Tag> {
  const stamp = stampOf(originMs, obs.tick);
  const tags = new Map<string, Tag>();
  const put = (topic: string, tag: Omit<Tag, 'timestamp' | 'quality'> & { quality?: Quality }) => tags.set(`${root}/${topic}`, { quality: 'Good', timestamp: stamp, ...tag });
  put('Line/EStop', { value: obs.eStop });
  // When the shift began: with MachDesignSpeed and the good parts, what a station's OEE is worked out from.
  put('Line/ShiftStart', { value: new Date(originMs).toISOString() });
  const phases = new Map(obs.alarms.map((a) => [a.id, a]));
  obs.stations.forEach((st: StationView, i) => {
    const at = (t: string) => `${st.id}/${t}`;
    tags.set(`${root}/${at('Status/StateCurrent')}`, stateTag(st.state, stamp));
    put(at('Status/UnitModeCurrent'), { value: st.lockedOut ? UnitMode.Maintenance : UnitMode.Production, text: st.lockedOut ? 'Maintenance' : 'Production' });
    put(at('Status/MachSpeed'), { value: st.speed, unit: '%' });
    put(at('Status/CurMachSpeed'), { value: st.stateName === 'Execute' ? st.speed : 0, unit: '%' });
    const design = designSpeed(model.stations[i]!);
    if (design !== null) put(at('Status/MachDesignSpeed'), { value: design, unit: 'parts/min' });
    put(at('Status/Blocked'), { value: st.interlock === 'blocked' });
    put(at('Status/Starved'), { value: st.interlock === 'starved' });
    put(at('Admin/ProdProcessedCount'), { value: st.processed });
    put(at('Admin/ProdDefectiveCount'), { value: st.scrap });
    put(at('Admin/StopReason/ID'), { value: st.stopReason });
    put(at('Admin/StopReason/Value'), { value: st.stopReasonText });
    for (const s of st.sensors) {
      put(at(`Instruments/${s.kind}`), { value: s.value, unit: s.unit, quality: instrumentQuality(s, frozen.has(s.id)) });
    }
    for (const ai of model.alarmsOf[i]!) {
      const rule = model.alarms[ai]!;
      const a = phases.get(rule.id);
      put(at(`Admin/Alarm/${rule.id}`), { value: a?.phase ?? 'normal', text: rule.message });
    }
  });
  return tags;
}

/**
 * The state changes in a log tail that come after the last one published, in order, each as
 * the tag it set. `after` is the (tick, count at that tick) of the last entry already seen.
 */
export function stateChangesSince(log: readonly LogEntry[], after: { tick: number; seen: number }, root: string, originMs: number): { changes: [string, Tag][]; last: { tick: number; seen: number } } {
  const changes: [string, Tag][] = [];
  let { tick, seen } = after;
  let atTick = 0;
  let prevTick = -1;
  for (const e of log) {
    if (e.tick !== prevTick) {
      prevTick = e.tick;
      atTick = 0;
    }
    if (e.kind === 'state') atTick++;
    else continue;
    if (e.tick < tick || (e.tick === tick && atTick <= seen)) continue;
    changes.push([stateTopic(root, e.station), stateTag(e.to, stampOf(originMs, e.tick))]);
    if (e.tick !== tick) {
      tick = e.tick;
      seen = 0;
    }
    seen = atTick;
  }
  return { changes, last: { tick, seen } };
}

/** The command topics a browser listens to: `<root>/<station>/cmd/<Method>`. */
export const commandFilter = (root: string): string => `${root}/+/cmd/+`;

/** Where a command's verdict is published (not retained): `<command topic>/result`. */
export const resultTopic = (commandTopic: string): string => `${commandTopic}/result`;

/** A command's verdict as published: `id` echoes the caller's, so it can match its answer. */
export interface CommandVerdict {
  readonly id: string | null;
  readonly accepted: boolean;
  readonly reason: string;
}

export const ACK_ALARM = 'AcknowledgeAlarm';

/** A command topic's payload: empty, or a JSON object. */
const commandPayload = z.strictObject({
  id: z.string().max(64, { error: 'must be at most 64 characters' }).optional(),
  /** Set by the gateway for an OPC UA method call; anything else came over MQTT. */
  via: z.enum(COMMAND_ORIGINS).optional(),
  alarm: z.string().max(64).optional(),
});

export type ParsedCommand =
  | { readonly ok: true; readonly command: UserCommand; readonly id: string | null }
  | { readonly ok: false; readonly reason: string; readonly id: string | null };

/**
 * A message on a command topic, checked against the line before anything reaches the session:
 * an unknown station or method, a malformed payload or an alarm that is not the station's is
 * refused here with the reason in words.
 */
export function parseCommand(root: string, model: LineModel, topic: string, payload: string): ParsedCommand {
  let body: z.infer<typeof commandPayload> = {};
  if (payload.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return { ok: false, reason: 'The payload is not JSON: send nothing, or an object such as {"id": "1"}.', id: null };
    }
    const r = commandPayload.safeParse(json);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const id = typeof json === 'object' && json !== null && typeof (json as { id?: unknown }).id === 'string' ? (json as { id: string }).id.slice(0, 64) : null;
      const where = issue.path.length > 0 ? `"${issue.path.join('.')}" ` : '';
      return { ok: false, reason: `The payload is not a command: ${where}${issue.message}.`.replace('..', '.'), id };
    }
    body = r.data;
  }
  const id = body.id ?? null;
  const prefix = `${root}/`;
  const parts = topic.startsWith(prefix) ? topic.slice(prefix.length).split('/') : [];
  if (parts.length !== 3 || parts[1] !== 'cmd') return { ok: false, reason: `${topic} is not a command topic: use ${root}/<station>/cmd/<command>.`, id };
  const [station, , method] = parts as [string, string, string];
  const i = model.stationIndex[station];
  if (i === undefined) return { ok: false, reason: `There is no station "${station}" on this line.`, id };
  const via = body.via ?? 'mqtt';
  if (method === ACK_ALARM) {
    const alarm = body.alarm;
    if (alarm === undefined || !model.alarmsOf[i]!.some((ai) => model.alarms[ai]!.id === alarm)) {
      return { ok: false, reason: `Name one of ${station}'s alarms to acknowledge, e.g. {"alarm": "${model.alarms[model.alarmsOf[i]![0] ?? -1]?.id ?? 'id'}"}.`, id };
    }
    return { ok: true, command: { type: 'ackAlarm', alarm, via }, id };
  }
  if (!(method in PACK_METHODS)) return { ok: false, reason: `"${method}" is not a command: use one of ${[...PACK_METHOD_NAMES, ACK_ALARM].join(', ')}.`, id };
  return { ok: true, command: { type: 'packml', station, command: PACK_METHODS[method as PackMethod], via }, id };
}

const level = z.string().regex(LEVEL);
const pair = z.tuple([z.number(), z.number()]);
/** A line description as the gateway accepts it (anyone may publish to the broker). */
export const lineDescriptionSchema = z.strictObject({
  format: z.literal(1),
  root: z.string().max(300),
  title: z.string().max(200),
  origin: z.iso.datetime(),
  readOnly: z.boolean(),
  stations: z
    .array(
      z.strictObject({
        id: level,
        name: z.string().max(200),
        type: z.string().max(40),
        controls: z.boolean(),
        designSpeed: z.number().positive().nullable(),
        instruments: z.array(z.strictObject({ kind: level, unit: z.string().max(20), range: pair, normal: pair })).max(20),
        alarms: z.array(z.strictObject({ id: level, priority: z.string().max(20), message: z.string().max(400) })).max(100),
      }),
    )
    .max(500),
});

export const tagSchema = z.strictObject({
  value: z.union([z.number(), z.string().max(400), z.boolean(), z.null()]),
  quality: z.enum(['Good', 'Bad_SensorFailure', 'Uncertain_LastUsableValue']),
  timestamp: z.iso.datetime(),
  unit: z.string().max(20).optional(),
  text: z.string().max(400).optional(),
});

export const verdictSchema = z.strictObject({ id: z.string().max(64).nullable(), accepted: z.boolean(), reason: z.string().max(1000) });

/** JSON text as a value of a schema, or null when it is not one. */
export function parseAs<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
