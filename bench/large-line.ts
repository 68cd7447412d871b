/**
 * A line of about 100 stations for the benchmark: three parallel flow lines of sixteen
 * machine + buffer pairs, merged by an assembly into a final inspection.
 */
export function largeLineScenario(): Record<string, unknown> {
  const stations: Record<string, unknown>[] = [];
  const connections: [string, string][] = [];
  const faults: Record<string, unknown>[] = [];
  const ends: string[] = [];
  for (const lane of ['A', 'B', 'C']) {
    const src = `SRC${lane}`;
    stations.push({ id: src, type: 'source' });
    let prev = src;
    for (let k = 1; k <= 16; k++) {
      const m = `${lane}M${k}`;
      const b = `${lane}B${k}`;
      stations.push({ id: m, type: 'machine', processTime: { dist: 'triangular', min: '40s', mode: '50s', max: '65s' } });
      stations.push({ id: b, type: 'buffer', capacity: 4 });
      connections.push([prev, m], [m, b]);
      faults.push({ id: `${m}-fail`, type: 'breakdown', station: m, trigger: { mtbf: '8h' }, repair: 'auto', mttr: { dist: 'lognormal', mean: '10m', cv: 0.8 } });
      prev = b;
    }
    ends.push(prev);
  }
  stations.push({ id: 'ASM', type: 'assembly', processTime: '55s' }, { id: 'AB', type: 'buffer', capacity: 4 });
  stations.push({ id: 'QC', type: 'inspection', processTime: '10s', scrapProbability: 0.02 }, { id: 'OUT', type: 'sink' });
  for (const e of ends) connections.push([e, 'ASM']);
  connections.push(['ASM', 'AB'], ['AB', 'QC'], ['QC', 'OUT']);
  return {
    format: 1,
    id: 'large-line',
    title: 'Large line',
    briefing: 'Benchmark',
    seed: 3,
    duration: '30d',
    warmup: '1d',
    alarms: { defaults: 'states' },
    line: { stations, connections },
    faults,
  };
}
