/**
 * The Line tab: the palette, the graph, and the properties of what is selected (a station's
 * form with its outputs, or a connection).
 */
import { type Draft, type Json, setAt } from '../../editor/draft';
import { type PlacedError, stationIndexOf } from '../../editor/errors';
import { addStations, connect, connectionsOf, disconnect, moveStation, removeStation, renameStation, stationsOf } from '../../editor/graph';
import type { Selection } from '../../editor/state';
import { PALETTE } from '../../editor/templates';
import { hasText, type TextKey, useT } from '../../i18n';
import type { ScenarioFile } from '../../scenario';
import { LineGraph } from './LineGraph';
import { LinePreview } from './LinePreview';
import { PartForm } from './PartForm';

interface Props {
  /** The file as the engine would run it, or null while it has errors (for the 3D preview). */
  readonly scenario: ScenarioFile | null;
  readonly draft: Draft;
  readonly selection: Selection;
  readonly errors: readonly PlacedError[];
  readonly edit: (draft: Draft, key?: string) => void;
  readonly select: (s: Selection) => void;
}

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;

export function LinePanel({ scenario, draft, selection, errors, edit, select }: Props) {
  const { t } = useT();
  const stations = stationsOf(draft);
  const ids = stations.map((s) => String(s.id));
  const broken = new Set(errors.flatMap((e) => {
    const i = stationIndexOf(e.parts);
    return i === null ? [] : [i];
  }));
  const remove = (s: Selection) => {
    if (s.kind === 'station') edit(removeStation(draft, s.id));
    if (s.kind === 'connection') edit(disconnect(draft, s.from, s.to));
    select({ kind: 'scenario' });
  };
  const index = selection.kind === 'station' ? ids.indexOf(selection.id) : -1;
  const station = index >= 0 ? stations[index]! : null;
  const changeStation = (next: { readonly [key: string]: Json }) => {
    if (station === null) return;
    let d = draft;
    const oldId = String(station.id);
    const newId = typeof next.id === 'string' ? next.id : oldId;
    // The id changes everywhere the file names the station, when the new one is free and valid.
    if (newId !== oldId && ID_PATTERN.test(newId) && !ids.includes(newId)) {
      d = renameStation(d, oldId, newId);
      select({ kind: 'station', id: newId });
    }
    edit(setAt(d, ['line', 'stations', index], next as Json), `station:${index}`);
  };
  const outputs = station === null ? [] : connectionsOf(draft).filter(([a]) => a === station.id).map(([, b]) => b);
  return (
    <div className="line-panel">
      <fieldset className="palette">
        <legend>{t('editor.palette')}</legend>
        {PALETTE.map((item) => (
          <button
            key={item}
            type="button"
            data-testid={`palette-${item}`}
            onClick={() => {
              const r = addStations(draft, item);
              edit(r.draft);
              select({ kind: 'station', id: r.ids[0]! });
            }}
          >
            {t(`editor.palette.${item}`)}
          </button>
        ))}
      </fieldset>
      <p className="muted small">{t('editor.graphHelp')}</p>
      <div className="line-work">
        <div className="line-views">
          <LineGraph draft={draft} selection={selection} brokenStations={broken} onSelect={select} onMove={(id, x, y) => edit(moveStation(draft, id, x, y))} onConnect={(a, b) => edit(connect(draft, a, b))} onDelete={remove} />
          <LinePreview scenario={scenario} />
        </div>
        <aside className="properties" data-testid="properties">
          {station !== null && (
            <>
              <h3>{t('editor.station', { id: String(station.id), type: hasText(`type.${String(station.type)}`) ? t(`type.${String(station.type)}` as TextKey) : String(station.type) })}</h3>
              <PartForm key={`station-${index}`} idPrefix={`st${index}`} target={{ kind: 'station', type: String(station.type) }} value={station} path={['line', 'stations', index]} errors={errors} stations={ids} onChange={changeStation} />
              {station.type !== 'sink' && (
                <div className="outputs">
                  <strong>{t('editor.outputs')}</strong>
                  <ul>
                    {outputs.map((o) => (
                      <li key={o}>
                        → {o}{' '}
                        <button type="button" onClick={() => edit(disconnect(draft, String(station.id), o))}>
                          {t('editor.removeConnection')}
                        </button>
                      </li>
                    ))}
                  </ul>
                  <label>
                    {t('editor.connectTo')}{' '}
                    <select
                      value=""
                      data-testid="connect-to"
                      onChange={(e) => {
                        if (e.target.value !== '') edit(connect(draft, String(station.id), e.target.value));
                      }}
                    >
                      <option value="">…</option>
                      {ids
                        .filter((x) => x !== station.id && !outputs.includes(x))
                        .map((x) => (
                          <option key={x} value={x}>
                            {x}
                          </option>
                        ))}
                    </select>
                  </label>
                </div>
              )}
              <button type="button" className="danger" onClick={() => remove(selection)} data-testid="remove-station">
                {t('editor.removeStation')}
              </button>
            </>
          )}
          {selection.kind === 'connection' && (
            <>
              <h3>{t('editor.connection', { from: selection.from, to: selection.to })}</h3>
              <button type="button" className="danger" onClick={() => remove(selection)}>
                {t('editor.removeConnection')}
              </button>
            </>
          )}
          {station === null && selection.kind !== 'connection' && <p className="muted">{t('editor.nothingSelected')}</p>}
        </aside>
      </div>
    </div>
  );
}
