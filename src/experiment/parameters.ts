/** The parameters of a line the editor offers to sweep, named by path (sweep.ts reads them). */
type Raw = { [key: string]: unknown };

export type Parameter =
  | { readonly kind: 'allBuffers'; readonly path: string; readonly from: number; readonly to: number; readonly step: number }
  | { readonly kind: 'capacity'; readonly station: string; readonly path: string; readonly from: number; readonly to: number; readonly step: number }
  | { readonly kind: 'processTime'; readonly station: string; readonly path: string; readonly from: number; readonly to: number; readonly step: number }
  | { readonly kind: 'mtbf'; readonly fault: string; readonly path: string; readonly from: number; readonly to: number; readonly step: number };

export function parametersOf(raw: Raw): Parameter[] {
  const line = raw.line as { stations?: unknown } | undefined;
  const stations = (Array.isArray(line?.stations) ? line.stations : []) as Raw[];
  const out: Parameter[] = [];
  if (stations.some((s) => s.type === 'buffer')) out.push({ kind: 'allBuffers', path: 'buffers.capacity', from: 0, to: 10, step: 1 });
  for (const s of stations) {
    const id = String(s.id);
    if (s.type === 'buffer') out.push({ kind: 'capacity', station: id, path: `${id}.capacity`, from: 1, to: 10, step: 1 });
    if (s.type === 'machine') out.push({ kind: 'processTime', station: id, path: `${id}.processTime`, from: 30, to: 90, step: 10 });
  }
  const faults = (Array.isArray(raw.faults) ? raw.faults : []) as Raw[];
  faults.forEach((f, i) => {
    const t = f.trigger as Raw | undefined;
    if (t !== undefined && 'mtbf' in t) out.push({ kind: 'mtbf', fault: String(f.id), path: `faults[${i}].trigger.mtbf`, from: 1800, to: 7200, step: 1800 });
  });
  return out;
}
