/**
 * The charts' common look (ISA-101: grey, dark trace, colour only for what is abnormal) and
 * their axes: simulated time as hh:mm:ss on x, the value with its unit on y.
 */
import type uPlot from 'uplot';
import { localNum } from './format';

const AXIS = { stroke: '#3c3c3c', grid: { stroke: '#d6d6d6', width: 1 }, ticks: { stroke: '#b5b5b5', width: 1 }, font: '11px system-ui, sans-serif' };

function hms(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const x = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(x).padStart(2, '0')}`;
}

/**
 * Steps between the time axis's ticks, in seconds: those a clock reads (15 min, 30 min, 1 h), not
 * uPlot's decimal ones for a plain number (1000 s ticks read 0:16:40, 0:33:20, …).
 */
export const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400, 172800, 432000, 864000];

export function timeAxis(label: string): uPlot.Axis {
  return { ...AXIS, label, labelSize: 16, labelFont: AXIS.font, size: 36, incrs: TIME_STEPS, values: (_u, splits) => splits.map(hms) };
}

export function valueAxis(label: string, digits: number, lang: 'en' | 'nb'): uPlot.Axis {
  return { ...AXIS, label, labelSize: 16, labelFont: AXIS.font, size: 58, values: (_u, splits) => splits.map((v) => localNum(v, digits, lang)) };
}

/** A flat reference line (a limit, a centre line, a band edge) as a series. */
export function refSeries(label: string, stroke: string, dash: number[] = []): uPlot.Series {
  return { label, stroke, width: 1, dash, points: { show: false } };
}
