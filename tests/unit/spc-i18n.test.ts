import { describe, expect, it } from 'vitest';
import { PACK_NAMES, REFUSAL_TEXT, STOP_REASON_TEXT, stopReasonText } from '../../src/engine';
import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { translate } from '../../src/i18n';
import { imrLimits, violations } from '../../src/assessment/spc';

describe('SPC (I-MR, Western Electric, Nelson trend)', () => {
  const stable = [10, 10.2, 9.8, 10.1, 9.9, 10, 10.15, 9.85, 10.05, 9.95];
  it('I-MR limits are x̄ ± 2.66·MR̄ and MR upper limit 3.267·MR̄', () => {
    const l = imrLimits(stable)!;
    const mr = stable.slice(1).reduce((a, x, k) => a + Math.abs(x - stable[k]!), 0) / (stable.length - 1);
    expect(l.centre).toBeCloseTo(10, 9);
    expect(l.ucl).toBeCloseTo(10 + 2.66 * mr, 9);
    expect(l.mrUcl).toBeCloseTo(3.267 * mr, 9);
    expect(l.sigma).toBeCloseTo(mr / 1.128, 9);
  });
  it('finds a point beyond 3σ, a run of 8 on one side and 6 rising', () => {
    const l = imrLimits(stable)!;
    expect(violations(stable, l)).toEqual([]);
    expect(violations([...stable, 12], l).map((v) => v.rule)).toContain('rule1');
    expect(violations([...stable, 10.01, 10.02, 10.03, 10.01, 10.02, 10.01, 10.03, 10.02], l).map((v) => v.rule)).toContain('rule4');
    expect(violations([...stable, 9.7, 9.8, 9.9, 10.0, 10.1, 10.2, 10.3], l).map((v) => v.rule)).toContain('trend');
  });
  it('2 of 3 beyond 2σ and 4 of 5 beyond 1σ on one side', () => {
    const l = imrLimits(stable)!;
    const s = l.sigma;
    expect(violations([...stable, 10 + 2.2 * s, 10, 10 + 2.3 * s], l).map((v) => v.rule)).toContain('rule2');
    expect(violations([...stable, 10 + 1.2 * s, 10 + 1.3 * s, 10, 10 + 1.4 * s, 10 + 1.1 * s], l).map((v) => v.rule)).toContain('rule3');
  });
});

describe('translations', () => {
  it('bokmål has every English key, none left empty or untranslated by accident', () => {
    expect(Object.keys(nb).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(nb)) expect(v.trim(), k).not.toBe('');
    // A text with words that reads the same in both languages; a template of placeholders and
    // marks alone ("{station}: {result} ({range})", "—") has nothing to translate.
    const words = (v: string) => /\p{L}/u.test(v.replace(/\{[^}]*\}/g, ''));
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === nb[k as keyof typeof nb] && words(en[k as keyof typeof en]));
    // Words that are the same in both languages (OEE, Start, Buffer…) are few.
    expect(same.length).toBeLessThan(12);
    // Nor half English: the E-stop button's Norsk tooltip read "… from anywhere in the control room:Nødstopp: …".
    const english = Object.entries(nb).filter(([, v]) => /\b(the|from|with|and|of|is|are|this|your|you)\b/i.test(v.replace(/\{[^}]*\}/g, '')));
    expect(english.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it('every engine refusal, PackML state, stop reason and alarm kind has a text in both languages, and the English matches the engine log', () => {
    const keys = Object.keys(en);
    for (const [k, text] of Object.entries(REFUSAL_TEXT)) expect(en[`refusal.${k}` as keyof typeof en], k).toBe(text);
    for (const code of Object.keys(PACK_NAMES)) expect(keys).toContain(`pack.${code}`);
    for (const code of Object.keys(STOP_REASON_TEXT).filter((c) => c !== '0')) expect(en[`reason.${code}` as keyof typeof en]).toBe(stopReasonText(Number(code)));
    for (const kind of ['stopped', 'vibrationHigh', 'temperatureHigh', 'temperatureTrip', 'airLow', 'dimensionHigh', 'dimensionLow', 'signalBad']) expect(keys).toContain(`alarmText.${kind}`);
  });

  it('a count takes the word’s singular or plural form, in both languages, and no text writes "part(s)"', () => {
    expect(translate('en', 'penalty.lostParts', { n: 1 })).toBe('1 good part lost against a fault-free shift');
    expect(translate('en', 'penalty.lostParts', { n: 3 })).toBe('3 good parts lost against a fault-free shift');
    expect(translate('nb', 'penalty.lostParts', { n: 1 })).toBe('1 god del tapt mot et skift uten feil');
    expect(translate('nb', 'penalty.lostParts', { n: 0 })).toBe('0 gode deler tapt mot et skift uten feil');
    expect(translate('en', 'storage.fullImport', { n: 1 })).toMatch(/^Storage is full: 1 run of the backup was imported/);
    expect(translate('nb', 'penalty.unneededChecks', { n: 2 })).toBe('2 unødvendige kontroller');
    // The count's form follows its own variable, not another one's.
    expect(translate('en', 'experiment.bottleneckOf', { station: 'M2', count: 1, n: 3 })).toBe('M2 (in 1 of 3 runs)');
    for (const dict of [en, nb]) {
      for (const [k, text] of Object.entries(dict)) {
        expect(text, k).not.toMatch(/\w\((s|e|er)\)/);
        // Every plural form names a variable the text also prints, so it is always resolved.
        for (const m of text.matchAll(/\{(\w+):[^{}]*\}/g)) expect(text, k).toContain(`{${m[1]}}`);
      }
    }
  });
});
