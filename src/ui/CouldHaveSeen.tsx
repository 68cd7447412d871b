/**
 * "What you could have seen": for each fault, the moments its symptoms first showed (a stop,
 * an alarm; a reading out of its band or drifting, an SPC signal, scrap or output off a normal
 * shift's) next to what the student did from then on, each with a way into the replay at that
 * tick. Built from the same re-simulation as the assessment; it names no hidden cause beyond
 * the fault the debrief already lists.
 */
import { type Assessment, isAttention } from '../assessment';
import { type Command, Pack } from '../engine';
import { textOf } from '../scenario';
import type { SeenSymptom } from '../session/analysis';
import type { Marker } from '../session/replay-index';
import { useSim } from '../store/use-sim';
import { describeCommand, describeMarker } from './describe';
import { clock } from './format';
import { type TextKey, useT } from '../i18n';
import { useNames } from '../store/use-names';

interface Row {
  readonly tick: number;
  readonly who: 'line' | 'you';
  readonly text: string;
}

const SYMPTOMS_PER_FAULT = 4;
const ACTIONS_PER_FAULT = 5;
const FAULT_STOP: ReadonlySet<number> = new Set([Pack.Held, Pack.Aborted]);
/** A command by which the student stops production somewhere. */
function stopsProduction(c: Command): boolean {
  return c.type === 'eStop' || c.type === 'lockOut' || (c.type === 'packml' && (c.command === 'stop' || c.command === 'hold' || c.command === 'abort' || c.command === 'suspend'));
}

/** A symptom in the reader's words: where it showed, and what. */
function useSymptomText(): (x: SeenSymptom) => string {
  const { t } = useT();
  const names = useNames();
  return (x) => {
    const station = x.station === null ? '' : names.station(x.station);
    switch (x.kind) {
      // Which way it was out: "vibration above its normal band" says what to look for.
      case 'sensor': {
        const sensor = t(`sensor.${x.detail}` as TextKey).toLowerCase();
        return x.side === undefined ? t('seen.sensor', { station, sensor }) : t(`seen.sensor.${x.side}` as const, { station, sensor });
      }
      case 'trend':
        return t('seen.trend', { station, sensor: t(`sensor.${x.detail}` as TextKey).toLowerCase() });
      case 'spc':
        return t('seen.spc', { station, rule: t(`spc.${x.detail}` as TextKey) });
      case 'scrap':
        return t('seen.scrap', { n: x.detail });
      case 'output':
        return t('seen.output', { n: x.detail });
    }
  };
}

export function CouldHaveSeen({ assessment, markers, seen, onReplayAt }: { assessment: Assessment; markers: readonly Marker[]; seen: readonly SeenSymptom[]; onReplayAt: (tick: number) => void }) {
  const { t } = useT();
  const names = useNames();
  const evidence = useSim((s) => s.scenario?.evidence);
  const symptomText = useSymptomText();
  if (assessment.faults.length === 0) return null;
  // Where each action was taken: its station, or for an alarm's acknowledgement the alarm's.
  const alarmStation = new Map(markers.flatMap((m) => (m.kind === 'alarm' ? [[m.alarm, m.station] as const] : [])));
  const stationOf = (c: Command): string | null => ('station' in c ? c.station : c.type === 'ackAlarm' || c.type === 'shelveAlarm' ? (alarmStation.get(c.alarm) ?? null) : null);
  // The line's own counters (output, scrap) after the student first stopped a station tell of
  // that stop as much as of the fault (the output lost while the robot was locked out for an
  // inspection was listed as a symptom): they are left out from then on.
  const ownStop = markers.find((m) => m.kind === 'command' && m.accepted && stopsProduction(m.command))?.tick ?? Number.POSITIVE_INFINITY;
  return (
    <section data-testid="could-have-seen">
      <h2>{t('seen.heading')}</h2>
      {assessment.faults.map((f) => {
        const onset = Math.round(f.onsetSeconds * 10);
        const here = (station: string | null) => f.station === null || station === null || station === f.station;
        // Each alarm once, when it first rose: raised again later it tells nothing new.
        const raised = new Set<string>();
        const firstRaise = (alarm: string): boolean => {
          if (raised.has(alarm)) return false;
          raised.add(alarm);
          return true;
        };
        // What the line showed before the student found the fault (declared it, or else fixed it):
        // after that it is no longer what they could have seen, and may be their own doing (the
        // output lost while they stopped a machine to repair it was listed as a symptom).
        const found = f.diagnoseSeconds ?? f.restoreSeconds;
        const foundAt = found === null ? Number.POSITIVE_INFINITY : onset + Math.round(found * 10);
        const before = (tick: number) => tick >= onset && tick <= foundAt;
        const symptoms: Row[] = markers
          .filter((m) => before(m.tick) && ((m.kind === 'alarm' && here(m.station) && firstRaise(m.alarm)) || (m.kind === 'state' && FAULT_STOP.has(m.to) && here(m.station))))
          .slice(0, SYMPTOMS_PER_FAULT)
          .map((m): Row => ({ tick: m.tick, who: 'line', text: describeMarker(m, t, names) }))
          .concat(seen.filter((x) => x.fault === f.id && before(x.tick) && (x.station !== null || x.tick <= ownStop)).map((x) => ({ tick: x.tick, who: 'line', text: symptomText(x) })));
        // With two faults, what the student did about the other one is not listed under this one.
        const actions: Row[] = markers
          .flatMap((m) => (m.kind === 'command' && m.tick >= onset && isAttention(m.command) && here(stationOf(m.command)) ? [m] : []))
          .slice(0, ACTIONS_PER_FAULT)
          .map((m) => ({ tick: m.tick, who: 'you', text: `${describeCommand(m.command, t, names)}${m.accepted ? '' : ` (${t('faceplate.refused')})`}` }));
        const rows = [...symptoms, ...actions].sort((a, b) => a.tick - b.tick || (a.who === 'line' ? -1 : 1));
        return (
          <div key={f.id} className="seen">
            <h3>
              {t(`cause.${f.type}` as TextKey)}
              {f.station ? ` · ${names.station(f.station)}` : ''} · {t('seen.began', { time: clock(f.onsetSeconds) })}
            </h3>
            <table className="faults seen-table">
              <thead>
                <tr>
                  <th>{t('seen.time')}</th>
                  <th>{t('seen.line')}</th>
                  <th>{t('seen.you')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {symptoms.length === 0 && (
                  // Saying nothing here read as if the line had shown nothing worth a look at all.
                  <tr data-testid="seen-none">
                    <td />
                    <td className="muted">{t(f.diagnoseSeconds !== null || f.restoreSeconds !== null ? 'seen.noneBeforeFound' : 'seen.none')}</td>
                    <td />
                    <td />
                  </tr>
                )}
                {rows.map((r, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the rows are fixed once the run is over
                  <tr key={k}>
                    <td>{clock(r.tick / 10)}</td>
                    <td>{r.who === 'line' ? r.text : ''}</td>
                    <td>{r.who === 'you' ? r.text : ''}</td>
                    <td>
                      <button type="button" className="link" onClick={() => onReplayAt(r.tick)} data-testid="replay-at">
                        {t('seen.replay')}
                      </button>
                    </td>
                  </tr>
                ))}
                {actions.length === 0 && (
                  <tr>
                    <td />
                    <td />
                    <td className="muted">{t('seen.nothing')}</td>
                    <td />
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        );
      })}
      {evidence && evidence.length > 0 && <ScenarioNotes heading={t('seen.trail')} level="h3" />}
    </section>
  );
}

/** A drill's notes from its scenario file (its evidence trail, or a fault-free drill's answers), under a heading. */
export function ScenarioNotes({ heading, level }: { heading: string; level: 'h2' | 'h3' }) {
  const { lang } = useT();
  const notes = useSim((s) => s.scenario?.evidence) ?? [];
  const Heading = level;
  return (
    <>
      <Heading>{heading}</Heading>
      <ul>
        {notes.map((e) => (
          <li key={textOf(e)}>{textOf(e, lang)}</li>
        ))}
      </ul>
    </>
  );
}
