/** A fraction as a percentage in the reader's locale: "78.0 %", "78,0 %". */
export function pct(x: number | null | undefined, lang: 'en' | 'nb'): string {
  return x === null || x === undefined ? '–' : `${localNum(x * 100, 1, lang)} %`;
}

/** Simulated time as d hh:mm:ss. */
export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return d > 0 ? `${d} d ${hh}:${mm}:${ss}` : `${hh}:${mm}:${ss}`;
}

export function minutes(seconds: number | null, lang: 'en' | 'nb' = 'en'): string {
  if (seconds === null) return '';
  return seconds < 120 ? `${Math.round(seconds)} s` : `${localNum(seconds / 60, 1, lang)} min`;
}

/** A scenario length in the unit a timetable would use: "45 min", "8 h", "30 d". */
export function span(seconds: number | null, lang: 'en' | 'nb'): string {
  if (seconds === null) return '';
  const trim = (x: number) => {
    const r = Math.round(x * 10) / 10;
    return localNum(r, Number.isInteger(r) ? 0 : 1, lang);
  };
  if (seconds < 3600) return `${trim(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${trim(seconds / 3600)} h`;
  return `${trim(seconds / 86400)} d`;
}

export function num(v: number | null, digits: number, lang: 'en' | 'nb'): string {
  return v === null ? '—' : localNum(v, digits, lang);
}

/**
 * How each language writes a number: the separators and the minus sign that Intl.NumberFormat
 * gives for en-GB and nb-NO. Written out rather than asked of Intl because the browser's first
 * Intl.NumberFormat loads its locale data (40–170 ms on a cold page here), on the control room's
 * path to its first frame, and two languages are all we need.
 */
const NUMERALS = {
  en: { decimal: '.', group: ',', minus: '-' },
  nb: { decimal: ',', group: '\u00a0', minus: '\u2212' },
} as const;

/** Digits with the language's separators; `fixed` is a non-negative toFixed() result. */
function withSeparators(fixed: string, negative: boolean, lang: 'en' | 'nb'): string {
  const n = NUMERALS[lang];
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, n.group);
  // A value that rounds to zero is shown without a sign ("0.0", not "-0.0").
  const sign = negative && /[1-9]/.test(fixed) ? n.minus : '';
  return sign + grouped + (fraction === undefined ? '' : n.decimal + fraction);
}

/** A number in the reader's language with exactly `digits` decimals: "1,234.5", "1 234,5" (bokmål). */
export function localNum(v: number, digits: number, lang: 'en' | 'nb'): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '–' : `${v < 0 ? NUMERALS[lang].minus : ''}∞`;
  const fixed = Math.abs(v).toFixed(digits);
  // toFixed writes 1e21 and above with an exponent; no quantity of ours is that large.
  return fixed.includes('e') ? String(v) : withSeparators(fixed, v < 0, lang);
}

/** A score out of 100 as the reader writes it: "98.6" in English, "98,6" in Norsk, "70" without a decimal. */
export function scoreText(v: number, lang: 'en' | 'nb'): string {
  return Number.isInteger(v) ? localNum(v, 0, lang) : localNum(v, 1, lang);
}

/** A number with at most `digits` decimals and no trailing zeros: "2.8", "51,75", "0". */
/** Decimals a reading of this kind is shown with: a dimension to the micrometre, a cycle time to a tenth of a second. */
export function sensorDigits(kind: string): number {
  return kind === 'dimension' ? 3 : kind === 'cycleTime' ? 1 : 2;
}

export function shortNum(v: number, digits: number, lang: 'en' | 'nb'): string {
  const full = localNum(v, digits, lang);
  const decimal = NUMERALS[lang].decimal;
  if (!full.includes(decimal)) return full;
  const trimmed = full.replace(/0+$/, '');
  return trimmed.endsWith(decimal) ? trimmed.slice(0, -1) : trimmed;
}


/** The locale whose date and time a language writes: 4.12.2026, 05:48 (bokmål), 04/12/2026, 05:48 (en-GB). */
const DATE_LOCALE = { en: 'en-GB', nb: 'nb-NO' } as const;

/** A moment (an ISO time or a Date) as the reader's language writes it; date only with `{ time: false }`. */
export function dateTime(at: string | Date, lang: 'en' | 'nb', options: Intl.DateTimeFormatOptions & { readonly time?: false } = {}): string {
  const { time, ...format } = options;
  const d = typeof at === 'string' ? new Date(at) : at;
  return time === false ? d.toLocaleDateString(DATE_LOCALE[lang], format) : d.toLocaleString(DATE_LOCALE[lang], format);
}
