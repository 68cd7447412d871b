import { useSim } from '../store/use-sim';
import { pct } from './format';

export function LineKpis() {
  const line = useSim((s) => s.observation?.kpis.line);
  if (!line) return null;
  const items: [string, string][] = [
    ['OEE', pct(line.oee.oee)],
    ['Availability', pct(line.oee.availability)],
    ['Performance', pct(line.oee.performance)],
    ['Quality', pct(line.oee.quality)],
    ['Good parts', String(line.goodParts)],
    ['Scrap', String(line.scrapParts)],
    ['Throughput', `${line.throughputPerHour.toFixed(1)} /h`],
    ['WIP', `${line.wip} (avg ${line.wipAverage.toFixed(1)})`],
    ['Lead time', `${Math.round(line.leadTimeAverageSeconds)} s`],
  ];
  return (
    <dl className="kpis" aria-label="Line KPIs">
      {items.map(([k, v]) => (
        <div key={k} className="kpi">
          <dt>{k}</dt>
          <dd data-testid={`kpi-${k}`}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
