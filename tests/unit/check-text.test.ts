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
});
