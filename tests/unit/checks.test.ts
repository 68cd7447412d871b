/**
 * Which checks a station allows, written out as a technician would say it (an instrument to
 * read, a tool and lubrication on machines and robots, a gauge to measure a master part with),
 * against checkApplies (what the faceplate offers) and against the engine's refusals, with the
 * refusal that names the reason: on every station of every shipped scenario.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, CHECK_KINDS, type CheckKind, checkApplies, createState, observe } from '../../src/engine';
import { compile } from '../helpers';

const REFUSAL: Record<CheckKind, string> = { handheld: 'noSensorToMeasure', inspectTool: 'noToolToInspect', lubricationLevel: 'noLubrication', masterPart: 'noGauge' };

function allowed(type: string, sensors: readonly string[]): CheckKind[] {
  const out: CheckKind[] = [];
  if (sensors.length > 0) out.push('handheld');
  if (type === 'machine' || type === 'assembly') out.push('inspectTool', 'lubricationLevel');
  if (sensors.includes('dimension')) out.push('masterPart');
  return out;
}

describe('checks offered at a station', () => {
  for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')) {
    it(`agree with the engine's refusals in ${file}`, () => {
      const { model, scenario } = compile(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')));
      const view = observe(createState(model, scenario.seed));
      for (const st of view.stations) {
        const want = allowed(st.type, st.sensors.map((x) => x.kind));
        const has = { sensors: st.sensors.length > 0, gauge: st.sensors.some((x) => x.kind === 'dimension') };
        expect(CHECK_KINDS.filter((c) => checkApplies(c, st.type, has)), st.id).toEqual(want);
        for (const check of CHECK_KINDS) {
          const s = createState(model, scenario.seed);
          const r = apply(s, { type: 'check', tick: 0, station: st.id, check, ...(check === 'handheld' ? { sensor: st.sensors[0]?.kind ?? '' } : {}) } as never);
          expect(r.refusal?.key === REFUSAL[check], `${st.id} ${check}: ${r.reason}`).toBe(!want.includes(check));
        }
      }
    });
  }
});
