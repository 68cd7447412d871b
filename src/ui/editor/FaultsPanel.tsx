/**
 * The Faults tab: the scenario's faults, a new fault of any catalogue type at a station that
 * can have it, the selected fault's form (trigger, parameters, fixes, tempting wrong fix), and
 * a timeline of when the faults start within the run.
 */
import { useState } from 'react';
import type { FaultType } from '../../engine';
import { asArray, type Draft, getAt, isObject, type Json, setAt } from '../../editor/draft';
import { type PlacedError, startsWith } from '../../editor/errors';
import { addFault, removeFault, type Start, stationsFor, timeline } from '../../editor/faults';
import { type Mention, mentionsOf, renameMentions, stationMove } from '../../editor/mentions';
import { retimeMentions, staleTimeMentions, startTime } from '../../editor/time-mentions';
import { stationsOf } from '../../editor/graph';
import type { Selection } from '../../editor/state';
import { LINE_WIDE_FAULTS } from '../../editor/templates';
import { parseDuration } from '../../scenario/duration';
import { FAULT_TYPES } from '../../scenario/schema';
import { span } from '../format';
import { type TextKey, useT } from '../../i18n';
import { PartAside } from './PartAside';
import { PartForm } from './PartForm';

interface Props {
  readonly draft: Draft;
  readonly selection: Selection;
  readonly errors: readonly PlacedError[];
  readonly edit: (draft: Draft, key?: string) => void;
  readonly select: (s: Selection) => void;
}

function startText(s: Start, t: (k: TextKey, v?: Record<string, string | number>) => string, lang: 'en' | 'nb'): string {
  switch (s.kind) {
    case 'at':
      return t('editor.start.at', { time: span(s.seconds, lang) });
    case 'afterParts':
      return t('editor.start.afterParts', { parts: s.parts });
    case 'random':
      return s.meanSeconds === null ? t('editor.start.randomDist') : t('editor.start.random', { mean: span(s.meanSeconds, lang) });
    case 'manual':
      return t('editor.start.manual');
    case 'lot':
      return t('editor.start.lot', { lot: s.lot });
    case 'unknown':
      return t('editor.start.unknown');
  }
}

/** Texts an edit left saying what is no longer so, offered to rewrite (never rewritten unasked). */
function StaleTexts({ testId, said, check, rewrite, onRewrite, onKeep }: { testId: string; said: string; check: string; rewrite: string; onRewrite: () => void; onKeep: () => void }) {
  const { t } = useT();
  return (
    <div className="notice moved-notice" role="status" data-testid={testId}>
      <p>
        {said} <span className="muted">{check}</span>
      </p>
      <button type="button" onClick={onRewrite}>
        {rewrite}
      </button>{' '}
      <button type="button" onClick={onKeep}>
        {t('editor.keepMentions')}
      </button>
    </div>
  );
}

export function FaultsPanel({ draft, selection, errors, edit, select }: Props) {
  const { t, lang } = useT();
  const [type, setType] = useState<FaultType>('breakdown');
  const candidates = stationsFor(draft, type);
  const [station, setStation] = useState('');
  const at = LINE_WIDE_FAULTS.has(type) ? undefined : candidates.includes(station) ? station : candidates[0];
  const faults = asArray(getAt(draft, ['faults']));
  const entries = timeline(draft);
  const duration = parseDuration((draft.duration ?? 0) as string | number) ?? 0;
  const index = selection.kind === 'fault' && selection.index < faults.length ? selection.index : -1;
  const fault = index >= 0 && isObject(faults[index]) ? (faults[index] as { [key: string]: Json }) : null;
  const ids = stationsOf(draft).map((s) => String(s.id));
  // A fault moved to another station: the texts that still name the old one, offered to rename.
  const [moved, setMoved] = useState<{ fault: number; from: string; to: string } | null>(null);
  // Only while the fault is still where it was moved (an undo, or moving it back, ends the offer).
  const stillMoved = moved !== null && isObject(faults[moved.fault]) && (faults[moved.fault] as { station?: Json }).station === moved.to;
  const stale = moved === null || !stillMoved ? [] : mentionsOf(draft, moved.from);
  // A fault moved to another time: the texts that still say when it used to come (the briefings
  // do: "Ten minutes into the shift…"). `from` is its time when the author began to change it.
  const [retimed, setRetimed] = useState<{ fault: number; from: number } | null>(null);
  const now = retimed === null ? null : startTime(faults[retimed.fault]);
  const late = retimed === null ? [] : staleTimeMentions(draft, retimed.fault, retimed.from);
  const listOf = (texts: readonly Mention[]) => texts.map((m) => t(`editor.text.${m.kind}` as TextKey, { n: m.n })).join(', ');
  return (
    <div className="faults-panel">
      <section>
        {moved !== null && stale.length > 0 && (
          <StaleTexts
            testId="moved-notice"
            said={t('editor.moved', { from: moved.from, to: moved.to, where: listOf(stale) })}
            check={t('editor.renameCheck')}
            rewrite={t('editor.renameMentions', { from: moved.from, to: moved.to })}
            onRewrite={() => {
              edit(renameMentions(draft, moved.from, moved.to));
              setMoved(null);
            }}
            onKeep={() => setMoved(null)}
          />
        )}
        {retimed !== null && now !== null && late.length > 0 && (
          <StaleTexts
            testId="retimed-notice"
            said={t('editor.retimed', { from: span(retimed.from, lang), to: span(now, lang), where: listOf(late) })}
            check={t('editor.retimeCheck')}
            rewrite={t('editor.retimeMentions', { from: span(retimed.from, lang), to: span(now, lang) })}
            onRewrite={() => {
              edit(retimeMentions(draft, retimed.from, now));
              setRetimed(null);
            }}
            onKeep={() => setRetimed(null)}
          />
        )}
        <h3>{t('editor.faults')}</h3>
        {faults.length === 0 && <p className="muted">{t('editor.noFaults')}</p>}
        <ul className="fault-list">
          {entries.map((e) => {
            const broken = errors.some((x) => startsWith(x.parts, ['faults', e.index]));
            return (
              <li key={e.index}>
                <button type="button" aria-pressed={e.index === index} className={e.index === index ? 'selected' : ''} onClick={() => select({ kind: 'fault', index: e.index })} data-testid="fault-item">
                  {t(`cause.${e.type}` as TextKey)}
                  {e.station ? ` @ ${e.station}` : ''} · {startText(e.start, t, lang)}
                  {broken ? ' ⚠' : ''}
                </button>
              </li>
            );
          })}
        </ul>
        <fieldset className="add-fault">
          <legend>{t('editor.addFault')}</legend>
          <label>
            {t('editor.faultType')}{' '}
            <select value={type} onChange={(e) => setType(e.target.value as FaultType)} data-testid="fault-type">
              {FAULT_TYPES.map((f) => (
                <option key={f} value={f}>
                  {t(`cause.${f}` as TextKey)}
                </option>
              ))}
            </select>
          </label>
          {!LINE_WIDE_FAULTS.has(type) && (
            <label>
              {t('editor.faultStation')}{' '}
              <select value={at ?? ''} onChange={(e) => setStation(e.target.value)} data-testid="fault-station">
                {candidates.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            disabled={!LINE_WIDE_FAULTS.has(type) && at === undefined}
            onClick={() => {
              const r = addFault(draft, type, at);
              edit(r.draft);
              select({ kind: 'fault', index: r.index });
            }}
            data-testid="add-fault"
          >
            {t('editor.add')}
          </button>
        </fieldset>
        <h3>{t('editor.timeline')}</h3>
        <div className="fault-timeline" data-testid="fault-timeline">
          {entries.map((e) => (
            <div key={e.index} className="timeline-row">
              <span className="timeline-label">{e.id}</span>
              <span className="timeline-track">
                {e.start.kind === 'at' && duration > 0 && <span className="timeline-mark" style={{ left: `${Math.min(100, (e.start.seconds / duration) * 100)}%` }} title={startText(e.start, t, lang)} />}
              </span>
              <span className="muted">{startText(e.start, t, lang)}</span>
            </div>
          ))}
          {duration > 0 && (
            <div className="timeline-row axis">
              <span className="timeline-label" />
              <span className="timeline-track">
                <span>0</span>
                <span>{span(duration, lang)}</span>
              </span>
            </div>
          )}
        </div>
      </section>
      <PartAside
        empty={t('editor.pickFault')}
        testId="fault-properties"
        part={
          fault === null
            ? null
            : {
                heading: `${t(`cause.${String(fault.type)}` as TextKey)} (${String(fault.id)})`,
                form: <PartForm key={`fault-${index}-${String(fault.type)}`} idPrefix={`f${index}`} target={{ kind: 'fault', type: String(fault.type) }} value={fault} path={['faults', index]} errors={errors} stations={ids} onChange={(next) => {
                      const move = stationMove(faults[index], next as Json);
                      if (move !== null)
                        setMoved((was) => {
                          if (was === null || was.fault !== index || was.to !== move.from) return { fault: index, ...move };
                          // Moved on again: the texts still name where it started, unless it is back there.
                          return was.from === move.to ? null : { ...was, to: move.to };
                        });
                      const was = startTime(faults[index]);
                      if (was !== null && startTime(next as Json) !== was && (retimed === null || retimed.fault !== index)) setRetimed({ fault: index, from: was });
                      edit(setAt(draft, ['faults', index], next as Json), `fault:${index}`);
                    }}
                  />,
                removeLabel: t('editor.removeFault'),
                onRemove: () => {
                  edit(removeFault(draft, index));
                  select({ kind: 'scenario' });
                },
              }
        }
      />
    </div>
  );
}
