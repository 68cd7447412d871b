import { readFileSync } from 'node:fs';
import { loadScenarioText } from './scenario';
import { createState, advance, kpis, stateHash } from './engine';
const r = loadScenarioText(readFileSync('scenarios/reference-line5.json', 'utf8'));
if (!r.ok) { console.log(r.errors); process.exit(1); }
for (let k = 0; k < 8; k++) {
const t0 = performance.now();
const s = createState(r.model, 7);
advance(s, r.model.durationTicks);
const t1 = performance.now();
const k2 = kpis(s);
console.log((t1 - t0).toFixed(1), 'ms', stateHash(s), JSON.stringify(k2.line));
if (k===99) for (const st of k2.stations) console.log(st.id, st.processed, st.failures, st.mtbfSeconds?.toFixed(0), st.mttrSeconds?.toFixed(0), st.oee.availability.toFixed(3), JSON.stringify(st.stateFractions));
}
