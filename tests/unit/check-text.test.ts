/** A check's result as the faceplate writes it: the reading, and the range it is held against. */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/engine';
import { type TextKey, translate } from '../../src/i18n';
import { checkRange, resultText } from '../../src/ui/check-text';

const master: CheckResult = {
  tick: 39_160,
  station: 'QC',
  check: 'masterPart',
  target: 'QC',
  value: 0.06,
  unit: 'mm',
  normal: [-0.005, 0.005],
  text: 'master part 30.000 mm reads 30.060 mm',
  message: { key: 'result.masterPart', params: { nominal: 30, reading: 30.06, value: 0.06 } },
};

describe('check results in words', () => {
  it('a master part reads with its deviation signed, against a tolerance written without trailing zeros', () => {
    for (const lang of ['en', 'nb'] as const) {
      const t = (k: TextKey, vars?: Record<string, string | number>) => translate(lang, k, vars);
      const range = checkRange(master, t, lang);
      expect(range.outside).toBe(true);
      expect(range.text).toBe(lang === 'en' ? 'allowed ±0.005 mm' : translate('nb', 'faceplate.plusMinus', { high: '0,005', unit: 'mm' }));
      expect(resultText(master, t, lang)).toContain(lang === 'en' ? ', deviation +0.060 mm' : '+0,060');
    }
  });

  it('a handheld reading is held against its band in round figures: "normal 15–60 °C", not "15.00–60.00 °C"', () => {
    const handheld: CheckResult = {
      tick: 13_430,
      station: 'M1',
      check: 'handheld',
      target: 'M1.temp',
      value: 36.36,
      unit: '°C',
      normal: [15, 60],
      text: 'handheld temperature 36.36 °C',
      message: { key: 'result.handheld', params: { sensor: 'temperature', value: 36.36, unit: '°C' } },
    };
    const en = (k: TextKey, vars?: Record<string, string | number>) => translate('en', k, vars);
    const nb = (k: TextKey, vars?: Record<string, string | number>) => translate('nb', k, vars);
    expect(resultText(handheld, en, 'en')).toBe('Handheld temperature: 36.36 °C');
    expect(checkRange(handheld, en, 'en')).toEqual({ text: 'normal 15–60 °C', outside: false });
    expect(checkRange(handheld, nb, 'nb').text).toBe(translate('nb', 'faceplate.normalRange', { low: '15', high: '60', unit: '°C' }));
    // A bound with decimals keeps them, to the reading's precision.
    expect(checkRange({ ...handheld, value: 2.1, normal: [0, 2.8], unit: 'mm/s' }, en, 'en').text).toBe('limit 2.8 mm/s');
  });
});
