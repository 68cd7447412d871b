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

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
/** A number in the reader's locale (bokmål writes 0,104 and groups thousands with a space). */
export function localNum(v: number, digits: number, lang: 'en' | 'nb'): string {
  const key = `${lang}${digits}`;
  let f = NUMBER_FORMATS.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    NUMBER_FORMATS.set(key, f);
  }
  return f.format(v);
}

/** A score out of 100 as the reader writes it: "98.6" in English, "98,6" in Norsk, "70" without a decimal. */
export function scoreText(v: number, lang: 'en' | 'nb'): string {
  return Number.isInteger(v) ? localNum(v, 0, lang) : localNum(v, 1, lang);
}

const SHORT_FORMATS = new Map<string, Intl.NumberFormat>();
/** A number with at most `digits` decimals and no trailing zeros: "2.8", "51,75", "0". */
export function shortNum(v: number, digits: number, lang: 'en' | 'nb'): string {
  const key = `${lang}${digits}`;
  let f = SHORT_FORMATS.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: digits });
    SHORT_FORMATS.set(key, f);
  }
  return f.format(v);
}
