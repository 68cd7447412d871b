import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Language, translate } from '../../src/i18n';
import { alarmAnnouncement, namesOf } from '../../src/i18n/names';
import { loadScenarioText } from '../../src/scenario';

const DIR = join(__dirname, '../../scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');

// The screen reader's sentence for a rising alarm names the station once. The blackout drill's
// own alarms lead with their tag ("M1: drive not ready") and were said as "Machining centre
// M1: M1: drive not ready".
describe('an alarm said aloud', () => {
  for (const lang of ['en', 'nb'] as Language[]) {
    it(`names its station once, for every alarm of every shipped drill (${lang})`, () => {
      const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars);
      let custom = 0;
      for (const file of files) {
        const r = loadScenarioText(readFileSync(join(DIR, file), 'utf8'));
        if (!r.ok) throw new Error(file);
        const names = namesOf(r.scenario, r.model, t, lang);
        for (const rule of r.model.alarms) {
          const id = r.model.stations[rule.station]!.id;
          const name = names.station(id);
          const said = alarmAnnouncement({ text: rule.text, station: id, priority: rule.priority }, names.station, t, lang);
          if (rule.text.kind === 'custom') custom++;
          expect(said.includes(name) || said.includes(`${id}:`), `${file} ${rule.id}: ${said}`).toBe(true);
          expect(said, `${file} ${rule.id}`).not.toContain(`${name}: ${id}:`);
          expect(said.split(name).length - 1, `${file} ${rule.id}: ${said}`).toBeLessThanOrEqual(1);
        }
      }
      // The drills' own alarms are among them (the blackout's, the hmi-down's…).
      expect(custom).toBeGreaterThan(5);
    });
  }

  it('puts the station before a message that does not name it', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
    const said = alarmAnnouncement({ text: { kind: 'custom', en: 'coolant pump off', nb: null }, station: 'M1', priority: 'low' }, () => 'Mill M1', t, 'en');
    expect(said).toBe('New alarm, priority Low: Mill M1: coolant pump off.');
  });
});
