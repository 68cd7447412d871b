/**
 * A thin React wrapper around uPlot (canvas, about 45 kB): created once per mount, fed new
 * data with setData, sized to its container (ResizeObserver), destroyed on unmount. uPlot
 * draws axes with ticks that never overlap and a time scale in seconds.
 *
 * uPlot's code loads on the first chart shown, not with the view that may show one: the control
 * room's first 3D frame does not wait for a chart library it needs only once a station is opened.
 */
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotProps {
  readonly options: Omit<uPlot.Options, 'width'>;
  readonly data: uPlot.AlignedData;
  readonly label: string;
  readonly testId?: string;
}

let library: Promise<typeof uPlot> | null = null;
function loadUPlot(): Promise<typeof uPlot> {
  library ??= import('uplot').then((m) => m.default);
  return library;
}

export function UPlot({ options, data, label, testId }: UPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The newest data, for a chart created after its library has loaded.
  const latest = useRef(data);
  latest.current = data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is built once; options are fixed per mount (remount with a key to change them)
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    let gone = false;
    let ro: ResizeObserver | null = null;
    void loadUPlot().then((UPlotClass) => {
      if (gone) return;
      plot.current = new UPlotClass({ ...options, width: Math.max(200, el.clientWidth) }, latest.current, el);
      ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height: options.height })) : null;
      ro?.observe(el);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);
  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);
  return <div ref={box} className="uplot-box" role="img" aria-label={label} data-testid={testId} />;
}
