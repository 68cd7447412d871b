/**
 * What the editor starts from: a station of each kind from the palette, a fault of each type
 * of the catalogue with parameters that make a noticeable fault, a blank line, a copy.
 */
import type { FaultType } from '../engine';
import { FORMAT_VERSION } from '../scenario';
import { type Draft, isObject, type Json } from './draft';

export const PALETTE = ['source', 'conveyor', 'buffer', 'machine', 'parallel', 'assembly', 'inspection', 'robot', 'sink'] as const;
export type PaletteItem = (typeof PALETTE)[number];

interface StationTemplate {
  readonly prefix: string;
  readonly type: string;
  readonly fields: { readonly [key: string]: Json };
}

const machine = (prefix: string, seconds: string): StationTemplate => ({ prefix, type: 'machine', fields: { processTime: seconds } });

export const STATION_TEMPLATES: Readonly<Record<PaletteItem, { readonly stations: readonly StationTemplate[] }>> = {
  source: { stations: [{ prefix: 'SRC', type: 'source', fields: {} }] },
  conveyor: { stations: [{ prefix: 'C', type: 'conveyor', fields: { length: 4, speed: 0.25, capacity: 6 } }] },
  buffer: { stations: [{ prefix: 'B', type: 'buffer', fields: { capacity: 5 } }] },
  machine: { stations: [machine('M', '45s')] },
  // Two machines side by side: connect one buffer to both and both to the next station.
  parallel: { stations: [machine('M', '90s'), machine('M', '90s')] },
  assembly: { stations: [{ prefix: 'A', type: 'assembly', fields: { processTime: '30s' } }] },
  inspection: { stations: [{ prefix: 'QC', type: 'inspection', fields: { processTime: '8s' } }] },
  // A robot cell is an assembly station with a gripper (the engine's robot).
  robot: { stations: [{ prefix: 'R', type: 'assembly', fields: { name: { en: 'Robot cell', nb: 'Robotcelle' }, processTime: '20s' } }] },
  sink: { stations: [{ prefix: 'OUT', type: 'sink', fields: {} }] },
};

/** Parameters of a new fault of each type: values that a student can notice in a drill. */
export const FAULT_TEMPLATES: Readonly<Record<FaultType, { readonly [key: string]: Json }>> = {
  breakdown: { repair: 'manual' },
  bearingWear: { timeToFailure: '2h' },
  lubricationFailure: { timeToFailure: '2h' },
  toolWear: { driftPerPart: 0.002 },
  calibrationOffset: { offset: 0.05 },
  sensorStuck: { sensor: 'temperature' },
  sensorNoisy: { sensor: 'vibration', factor: 4 },
  sensorDead: { sensor: 'dimension' },
  conveyorJam: {},
  airPressureDrop: { drop: 1.5 },
  spindleOverheating: { rise: 25 },
  badMaterialLot: { lot: 'LOT-B', defectRate: 0.3 },
  wrongParameter: { speed: 70 },
  powerDip: {},
  eStop: {},
  gripperMisalignment: {},
};

/** Fault types that are not at one station (the whole line, or a lot of material). */
export const LINE_WIDE_FAULTS: ReadonlySet<FaultType> = new Set(['airPressureDrop', 'powerDip', 'eStop', 'badMaterialLot']);

/** A new scenario: a source, a machine and a sink, a two-hour run, texts to fill in. */
export function blankScenario(id = 'my-scenario'): Draft {
  return {
    format: FORMAT_VERSION,
    id,
    title: { en: 'New scenario', nb: 'Nytt scenario' },
    briefing: { en: '', nb: '' },
    difficulty: 'core',
    seed: 1,
    duration: '2h',
    line: {
      stations: [
        { id: 'SRC1', type: 'source', position: [0, 0] },
        { id: 'M1', type: 'machine', processTime: '45s', position: [4, 0] },
        { id: 'OUT1', type: 'sink', position: [8, 0] },
      ],
      connections: [
        ['SRC1', 'M1'],
        ['M1', 'OUT1'],
      ],
    },
  };
}

/** A copy of a scenario under a new id, titled as a copy in both languages. */
export function copyOf(source: Draft, takenIds: ReadonlySet<string>): Draft {
  const base = `${String(source.id ?? 'scenario')}-copy`.slice(0, 36);
  let id = base;
  for (let k = 2; takenIds.has(id); k++) id = `${base}-${k}`;
  const title = source.title;
  const copyTitle: Json =
    typeof title === 'string'
      ? `${title} (copy)`
      : isObject(title)
        ? { ...title, en: `${String(title.en ?? '')} (copy)`, ...(typeof title.nb === 'string' ? { nb: `${title.nb} (kopi)` } : {}) }
        : 'Copy';
  const { $schema: _schema, ...rest } = source;
  return { ...rest, id, title: copyTitle };
}

/** What a drill keeps from a student: its faults and the texts that name or explain them. */
const HIDDEN_FROM_STUDENTS = ['faults', 'evidence', 'teacherNote', 'hints', 'objectives', 'scoring'] as const;

/**
 * A student's copy of a drill: the line to experiment with, without the hidden faults and what
 * would give them away (an instructor's copy keeps everything). Its briefing says so: the
 * drill's ("Twenty-five minutes into the shift the assembly robot stands still…") told of a
 * fault the copy no longer has. Give it the drill as shipped; copyOf then makes it a copy.
 */
export function linesOnly(source: Draft): Draft {
  // A reference line or the tutorial hides nothing: its failures are the line's reliability.
  if (source.difficulty === 'reference' || source.difficulty === 'tutorial') return source;
  const out: { [key: string]: Json } = { ...source };
  for (const key of HIDDEN_FROM_STUDENTS) delete out[key];
  const title = source.title;
  const en = typeof title === 'string' ? title : isObject(title) && typeof title.en === 'string' ? title.en : '';
  const nb = isObject(title) && typeof title.nb === 'string' ? title.nb : en;
  out.briefing = {
    en: `The line of the drill “${en}”, without the drill's fault and what would give it away: change it and try things out.`,
    nb: `Linjen fra øvelsen «${nb}», uten feilen i øvelsen og det som ville røpe den: endre den og prøv deg fram.`,
  };
  return out;
}
