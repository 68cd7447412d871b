/**
 * A fault moved to another time leaves the texts around it telling the old one: the briefings
 * say when their fault comes ("Ten minutes into the shift the mill stops"), so a student who
 * looks before then knows there is nothing yet to find. An instructor who moves the fault to
 * minute 40 and forgets the briefing sends the class looking for it 30 minutes early.
 *
 * The editor finds the ways a text says a whole number of minutes, in English and Norwegian
 * ("10 min", "ten minutes", "twenty-five minutes", "half an hour", "tjuefem minutter",
 * "et kvarter", "en time"), and offers to write the new time in them. As with a station's id
 * (mentions.ts), it never rewrites an author's words without asking.
 */
import { asArray, type Draft, isObject, type Json } from './draft';
import { type Mention, rewriteTexts, textsWhere } from './mentions';
import { parseDuration } from '../scenario/duration';

type Lang = 'en' | 'nb';

const EN_SMALL = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty'];
const NB_SMALL = ['', 'ett', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti', 'elleve', 'tolv', 'tretten', 'fjorten', 'femten', 'seksten', 'sytten', 'atten', 'nitten'];
const NB_TENS = ['', '', 'tjue', 'tretti', 'førti', 'femti'];
/** The longest time looked for: a shift is at most half a day. */
const MAX_MINUTES = 12 * 60;

/** A number below 60 in words ("twenty-five", "tjuefem"), or null: letters and a hyphen, nothing a regular expression reads as special. */
function numberWord(n: number, lang: Lang): string | null {
  if (!Number.isInteger(n) || n < 1 || n >= 60) return null;
  const small = lang === 'en' ? EN_SMALL : NB_SMALL;
  if (n < 20) return small[n]!;
  const tens = (lang === 'en' ? EN_TENS : NB_TENS)[Math.floor(n / 10)]!;
  const unit = n % 10;
  if (unit === 0) return tens;
  return lang === 'en' ? `${tens}-${small[unit]}` : `${tens}${small[unit]}`;
}

/** The ways a text says `minutes` minutes, as regular-expression sources (case-insensitive). */
function phrases(minutes: number, lang: Lang): string[] {
  const out: string[] = [];
  const word = numberWord(minutes, lang);
  const hours = minutes % 60 === 0 ? minutes / 60 : null;
  const hourWord = hours === null ? null : hours === 1 ? (lang === 'en' ? '(?:an|one|1)' : '(?:en|1)') : `(?:${hours}${numberWord(hours, lang) === null ? '' : `|${numberWord(hours, lang)}`})`;
  if (lang === 'en') {
    out.push(`${minutes}(?:\\s*|-)(?:minutes?|mins?)`);
    if (word !== null) out.push(`${word.replace('-', '[- ]')}(?: |-)minutes?`);
    if (minutes === 15) out.push('a quarter of an hour', 'quarter of an hour');
    if (minutes === 30) out.push('half an hour', 'half-hour', 'half hour');
    if (minutes === 45) out.push('three quarters of an hour');
    if (minutes === 90) out.push('an hour and a half', 'one and a half hours', '1\\.5 hours');
    if (hours !== null) out.push(`${hourWord}(?: |-)hours?`, `${hours}\\s*h`);
  } else {
    out.push(`${minutes}\\s*(?:minutter|minutt|min)`);
    if (word !== null) out.push(`${minutes === 1 ? '(?:ett|et)' : word} ?(?:minutter|minutt)`);
    if (minutes === 15) out.push('et kvarter');
    if (minutes === 30) out.push('en halvtime', 'en halv time');
    if (minutes === 45) out.push('tre kvarter');
    if (minutes === 90) out.push('halvannen time', '1,5 time');
    if (hours !== null) out.push(`${hourWord} (?:timer|time)`, `${hours}\\s*t`);
  }
  return out;
}

/** One expression for every way of saying it, as a word of its own ("10 min" but not "110 min"). */
function pattern(minutes: number, lang: Lang): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases(minutes, lang).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whole minutes of a time, or null when it is not a whole number of minutes a text would say. */
export function wholeMinutes(seconds: number): number | null {
  const m = seconds / 60;
  return Number.isInteger(m) && m >= 1 && m <= MAX_MINUTES ? m : null;
}

function says(v: Json | undefined, minutes: number): boolean {
  const t = typeof v === 'string' ? { en: v, nb: '' } : isObject(v) ? { en: v.en, nb: v.nb } : { en: '', nb: '' };
  return (['en', 'nb'] as const).some((l) => typeof t[l] === 'string' && pattern(minutes, l).test(t[l]));
}

/** Every text of the draft that says this time (in seconds), in either language. */
export function timeMentionsOf(draft: Draft, seconds: number): Mention[] {
  const minutes = wholeMinutes(seconds);
  return minutes === null ? [] : textsWhere(draft, (v) => says(v, minutes));
}

/** `minutes` minutes in words, as a sentence would say them ("twenty-five minutes", "en time"). */
function inWords(minutes: number, lang: Lang): string {
  const hours = minutes % 60 === 0 ? minutes / 60 : null;
  const hourWord = hours === null ? null : numberWord(hours, lang);
  if (lang === 'en') {
    if (hours === 1) return 'an hour';
    if (hourWord !== null) return `${hourWord} hours`;
    const w = numberWord(minutes, 'en');
    return w === null ? `${minutes} minutes` : `${w} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  if (hours === 1) return 'en time';
  if (hourWord !== null) return `${hourWord} timer`;
  const w = numberWord(minutes, 'nb');
  return w === null ? `${minutes} minutter` : minutes === 1 ? 'ett minutt' : `${w} minutter`;
}

/** What replaces one way of saying the old time: digits stay digits ("10 min" → "40 min"), words stay words. */
function replacement(found: string, to: number, lang: Lang): string {
  const digits = /^\d+(?:[.,]\d+)?/.exec(found);
  if (digits === null) return inWords(to, lang);
  const inMinutes = /min/i.test(found);
  if (inMinutes) return `${to}${found.slice(digits[0].length)}`;
  // Said in hours ("1 h"): a whole number of hours stays in hours, anything else in minutes.
  return to % 60 === 0 ? `${to / 60}${found.slice(digits[0].length)}` : `${to} min`;
}

function rewrite(text: string, from: number, to: number, lang: Lang): string {
  return text.replace(pattern(from, lang), (found) => {
    const said = replacement(found, to, lang);
    // "Ten minutes into the shift" begins a sentence: so does what replaces it.
    return found[0] !== found[0]!.toLowerCase() ? said[0]!.toUpperCase() + said.slice(1) : said;
  });
}

/** The draft with the time `from` (seconds) written as `to` in every text that says it. */
export function retimeMentions(draft: Draft, from: number, to: number): Draft {
  const a = wholeMinutes(from);
  const b = wholeMinutes(to);
  if (a === null || b === null) return draft;
  return rewriteTexts(draft, timeMentionsOf(draft, from), (text, lang) => rewrite(text, a, b, lang));
}

/** When a fault set to begin at a time begins (seconds), or null (another trigger, or not yet a time). */
export function startTime(fault: Json | undefined): number | null {
  if (!isObject(fault) || !isObject(fault.trigger)) return null;
  return 'at' in fault.trigger ? parseDuration(fault.trigger.at) : null;
}

/**
 * The texts that still say when fault `index` began (`from`, seconds) now that it begins at
 * another time: none while another fault still begins then, since they may be about that one (a
 * fault just added starts at 10 min, where the breakdown drill's own fault is).
 */
export function staleTimeMentions(draft: Draft, index: number, from: number): Mention[] {
  const faults = asArray(draft.faults);
  const now = startTime(faults[index]);
  if (now === null || now === from) return [];
  if (faults.some((f, k) => k !== index && startTime(f) === from)) return [];
  return timeMentionsOf(draft, from);
}
