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

export function timeAxis(label: string): uPlot.Axis {
  return { ...AXIS, label, labelSize: 16, labelFont: AXIS.font, size: 36, values: (_u, splits) => splits.map(hms) };
}

export function valueAxis(label: string, digits: number, lang: 'en' | 'nb'): uPlot.Axis {
  return { ...AXIS, label, labelSize: 16, labelFont: AXIS.font, size: 58, values: (_u, splits) => splits.map((v) => localNum(v, digits, lang)) };
}

/** A flat reference line (a limit, a centre line, a band edge) as a series. */
export function refSeries(label: string, stroke: string, dash: number[] = []): uPlot.Series {
  return { label, stroke, width: 1, dash, points: { show: false } };
}
