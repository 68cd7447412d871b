/**
 * A thin React wrapper around uPlot (canvas, about 45 kB): created once per mount, fed new
 * data with setData, sized to its container (ResizeObserver), destroyed on unmount. uPlot
 * draws axes with ticks that never overlap and a time scale in seconds.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotProps {
  readonly options: Omit<uPlot.Options, 'width'>;
  readonly data: uPlot.AlignedData;
  readonly label: string;
  readonly testId?: string;
}

export function UPlot({ options, data, label, testId }: UPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is built once; options are fixed per mount (remount with a key to change them)
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const width = Math.max(200, el.clientWidth);
    plot.current = new uPlot({ ...options, width }, data, el);
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height: options.height })) : null;
    ro?.observe(el);
    return () => {
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
