import type { LineModel } from './model';
import { packName } from './packml';
import { REFUSAL_TEXT, type Refusal } from './refusals';

/** The English sentence (log, CLI): station ids become the line's station names. */
export function refusalText(r: Refusal, model: LineModel): string {
  let text: string = REFUSAL_TEXT[r.key];
  for (const [k, v] of Object.entries(r.params)) {
    let value = String(v);
    if (k === 'station') {
      const i = model.stationIndex[value];
      value = i === undefined ? value : model.stations[i]!.name;
    } else if (k === 'state') value = packName(Number(v));
    text = text.replace(`{${k}}`, value);
  }
  return text;
}
