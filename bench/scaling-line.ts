/**
 * A straight line of exactly `n` stations for the scaling table: a source, machines and buffers
 * in turn, a sink. Every machine can break down (MTBF 8 h), so faults grow with the line too.
 */
export function scalingLineScenario(n: number, duration: string): Record<string, unknown> {
  const stations: Record<string, unknown>[] = [{ id: 'SRC', type: 'source' }];
  const connections: [string, string][] = [];
  const faults: Record<string, unknown>[] = [];
  let prev = 'SRC';
  for (let k = 1; k <= n - 2; k++) {
    const machine = k % 2 === 1;
    const id = machine ? `M${k}` : `B${k}`;
    stations.push(
      machine
        ? { id, type: 'machine', processTime: { dist: 'triangular', min: '40s', mode: '50s', max: '65s' } }
        : { id, type: 'buffer', capacity: 4 },
    );
    if (machine) faults.push({ id: `${id}-fail`, type: 'breakdown', station: id, trigger: { mtbf: '8h' }, repair: 'auto', mttr: { dist: 'lognormal', mean: '10m', cv: 0.8 } });
    connections.push([prev, id]);
    prev = id;
  }
  stations.push({ id: 'OUT', type: 'sink' });
  connections.push([prev, 'OUT']);
  return {
    format: 1,
    id: `line-${n}`,
    title: `Line of ${n} stations`,
    briefing: 'Benchmark',
    seed: 5,
    duration,
    warmup: '1d',
    alarms: { defaults: 'states' },
    line: { stations, connections },
    faults,
  };
}
