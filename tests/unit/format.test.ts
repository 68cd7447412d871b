import { describe, expect, it } from 'vitest';
import { qualityOf } from '../../src/scene/render-quality';
import { localNum, pct, scoreText, shortNum } from '../../src/ui/format';

/** What Intl.NumberFormat writes for the two locales (Node's ICU): our formatter must agree with it. */
function intl(v: number, digits: number, lang: 'en' | 'nb'): string {
  return new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

describe('numbers in the reader’s language, without Intl', () => {
  it('writes grouping, decimal sign and minus as en-GB and nb-NO do', () => {
    const values = [0, 1, 7.25, 12.5, 999.4, 1234.5, -1234.56, 12345678.9, 0.104, -3.5, 100, 51.74999999999999, 86400, 1e9 + 0.3];
    for (const lang of ['en', 'nb'] as const)
      for (const digits of [0, 1, 2, 3]) for (const v of values) expect(localNum(v, digits, lang), `${v} ${digits} ${lang}`).toBe(intl(v, digits, lang));
  });

  it('shows a value that rounds to zero without a sign', () => {
    expect(localNum(-0.04, 1, 'en')).toBe('0.0');
    expect(localNum(-0, 0, 'nb')).toBe('0');
    expect(localNum(-0.06, 1, 'nb')).toBe('\u22120,1');
  });

  it('never prints NaN or a bare Infinity as digits', () => {
    expect(localNum(Number.NaN, 1, 'en')).toBe('–');
    expect(localNum(Number.POSITIVE_INFINITY, 1, 'nb')).toBe('∞');
  });

  it('drops trailing zeros in short numbers', () => {
    expect(shortNum(2.8, 2, 'en')).toBe('2.8');
    expect(shortNum(51.75, 2, 'nb')).toBe('51,75');
    expect(shortNum(3, 2, 'nb')).toBe('3');
    expect(shortNum(1200.5, 1, 'nb')).toBe('1\u00a0200,5');
    expect(shortNum(0.001, 2, 'en')).toBe('0');
  });

  it('formats percentages and scores in both languages', () => {
    expect(pct(0.781, 'en')).toBe('78.1 %');
    expect(pct(0.781, 'nb')).toBe('78,1 %');
    expect(pct(null, 'nb')).toBe('–');
    expect(scoreText(98.6, 'nb')).toBe('98,6');
    expect(scoreText(70, 'en')).toBe('70');
  });
});

describe('render quality', () => {
  it('recognises software WebGL renderers', () => {
    expect(qualityOf('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe('software');
    expect(qualityOf('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('software');
    expect(qualityOf('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe('software');
    expect(qualityOf('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe('full');
    expect(qualityOf('Apple M1')).toBe('full');
    expect(qualityOf(null)).toBe('full');
  });
});
