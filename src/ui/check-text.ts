/**
 * A check's result in the reader's language, with the datasheet range beside it: a number
 * alone ("flank wear 0.104 mm") tells a student nothing.
 */
import type { CheckResult } from '../engine';
import { localNum, shortNum } from './format';
import { hasText, type Language, type TextKey } from '../i18n';

type T = (key: TextKey, vars?: Record<string, string | number>) => string;

/** Decimals a technician reads each value with. */
const DIGITS: Readonly<Record<string, number>> = {
  'result.handheld': 2,
  'result.gripperOff': 1,
  'result.gripperTrue': 2,
  'result.flankWear': 3,
  'result.lubricant': 0,
  'result.lubricantLost': 0,
  'result.masterPart': 3,
};
const WHOLE = new Set(['parts', 'lost']);

export function resultText(r: CheckResult, t: T, lang: Language): string {
  const key = r.message.key;
  if (!hasText(key)) return r.text;
  const digits = DIGITS[key] ?? 2;
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.message.params)) {
    if (typeof v === 'number') vars[k] = localNum(v, WHOLE.has(k) ? 0 : digits, lang);
    else if (k === 'sensor' && hasText(`sensor.${v}`)) vars[k] = t(`sensor.${v}` as TextKey).toLowerCase();
    else vars[k] = v;
  }
  if (key === 'result.masterPart' && r.value >= 0) vars.value = `+${vars.value}`;
  return t(key, vars);
}

/** "normal 60–100 %" or "limit 0.050 mm", and whether the reading is outside it. */
export function checkRange(r: CheckResult, t: T, lang: Language): { text: string; outside: boolean } {
  const [low, high] = r.normal;
  const digits = DIGITS[r.message.key] ?? 2;
  const outside = r.value < low || r.value > high;
  const unit = r.unit;
  // One decimal more than the reading, without trailing zeros: "allowed ±0.005 mm", not ±0.0050.
  if (low === -high) return { text: t('faceplate.plusMinus', { high: shortNum(high, digits + 1, lang), unit }), outside };
  // A band's bounds are round figures: "normal 15–60 °C", not "15.00–60.00 °C" beside a reading of 36.36.
  if (low === 0 && r.value >= 0 && !r.message.key.startsWith('result.lubricant')) return { text: t('faceplate.limit', { high: shortNum(high, Math.max(digits, 3), lang), unit }), outside };
  return { text: t('faceplate.normalRange', { low: shortNum(low, digits, lang), high: shortNum(high, digits, lang), unit }), outside };
}
