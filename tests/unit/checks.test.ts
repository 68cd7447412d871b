/**
 * Which checks a station allows, written out as a technician would say it (an instrument to
 * read, a tool and lubrication on machines and robots, a gauge to measure a master part with),
 * against checkApplies (what the faceplate offers) and against the engine's refusals, with the
 * refusal that names the reason: on every station of every shipped scenario.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply, CHECK_KINDS, type CheckKind, checkApplies, createState, observe } from '../../src/engine';
import { type TextKey, translate } from '../../src/i18n';
import { namesOf, refusalMessage } from '../../src/i18n/names';
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

describe('a handheld reading or a sensor replacement that names no sensor', () => {
  it('is refused with the sensors the station has (as a tool must name them), and in the screen language', () => {
    const { model, scenario } = compile(JSON.parse(readFileSync('scenarios/breakdown-drill.json', 'utf8')));
    for (const cmd of [
      { type: 'check', tick: 0, station: 'M1', check: 'handheld' },
      { type: 'repair', tick: 0, station: 'M1', action: 'replaceSensor' },
    ]) {
      const r = apply(createState(model, scenario.seed), cmd as never);
      expect(r.accepted).toBe(false);
      // It said "Mill M1 has no  sensor to measure against": the station has four.
      expect(r.reason).toBe('Name the sensor at Mill M1: one of vibration, temperature, current, cycleTime');
      const nb = (k: TextKey, v?: Record<string, string | number>) => translate('nb', k, v);
      const names = namesOf(scenario, model, nb, 'nb');
      expect(refusalMessage(r.refusal!, names, nb)).toBe('Si hvilken sensor på Fres M1: en av vibrasjon, temperatur, motorstrøm, syklustid');
    }
  });
});
