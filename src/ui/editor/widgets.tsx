/**
 * The form widgets of ours that the scenario's unions need (form-schema.ts says which field gets
 * which): each shows the value as the file has it and gives back what the file should hold.
 */
import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';

/** What the editor passes every widget: the line's station ids. */
export interface EditorFormContext {
  readonly stations: readonly string[];
}

function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** Text typed into a duration field, as the file would hold it: a number of seconds, "45s", or a distribution object. */
export function durationValue(text: string): unknown {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s.startsWith('{')) {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return s;
    }
  }
  return s;
}

export function DurationWidget({ id, value, onChange, onBlur, onFocus, label }: WidgetProps) {
  const { t } = useT();
  const [text, setText] = useState(show(value));
  // A value changed elsewhere (undo, the JSON tab) shows here.
  useEffect(() => {
    setText((old) => (JSON.stringify(durationValue(old)) === JSON.stringify(value) ? old : show(value)));
  }, [value]);
  return (
    <input
      id={id}
      type="text"
      className="form-control"
      value={text}
      aria-label={label}
      placeholder={t('widget.duration.placeholder')}
      onChange={(e) => {
        setText(e.target.value);
        onChange(durationValue(e.target.value));
      }}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}

/** A text in English and Norwegian; English alone stays a plain string, as the file had it. */
export function TextWidget({ id, value, onChange, label }: WidgetProps) {
  const { t } = useT();
  const v = value as unknown;
  const en = typeof v === 'string' ? v : v !== null && typeof v === 'object' ? String((v as { en?: string }).en ?? '') : '';
  const nb = v !== null && typeof v === 'object' ? String((v as { nb?: string }).nb ?? '') : '';
  const set = (next: { en: string; nb: string }) => {
    if (next.en === '' && next.nb === '') onChange(undefined);
    else if (typeof v === 'string' && next.nb === '') onChange(next.en);
    else onChange(next.nb === '' ? { en: next.en } : next);
  };
  return (
    <div className="bilingual">
      <label>
        <span className="lang-tag">EN</span>
        <input id={id} type="text" value={en} aria-label={`${label} (${t('editor.lang.en')})`} onChange={(e) => set({ en: e.target.value, nb })} />
      </label>
      <label>
        <span className="lang-tag">NB</span>
        <input id={`${id}-nb`} type="text" value={nb} aria-label={`${label} (${t('editor.lang.nb')})`} onChange={(e) => set({ en, nb: e.target.value })} />
      </label>
    </div>
  );
}

const TRIGGER_KINDS = ['none', 'at', 'afterParts', 'mtbf', 'random', 'manual'] as const;
type TriggerKind = (typeof TRIGGER_KINDS)[number];

function triggerKind(v: unknown): TriggerKind {
  if (v === null || typeof v !== 'object') return 'none';
  const keys = Object.keys(v);
  return (TRIGGER_KINDS.find((k) => keys.includes(k)) ?? 'none') as TriggerKind;
}

const TRIGGER_DEFAULT: Record<Exclude<TriggerKind, 'none'>, unknown> = { at: '10m', afterParts: 50, mtbf: '1h', random: { dist: 'exponential', mean: '1h' }, manual: true };

/** When a fault starts: a kind, and the value the kind needs. */
export function TriggerWidget({ id, value, onChange, label }: WidgetProps) {
  const { t } = useT();
  const kind = triggerKind(value);
  const inner = kind === 'none' ? undefined : (value as Record<string, unknown>)[kind];
  return (
    <div className="trigger">
      <select id={id} aria-label={label} value={kind} onChange={(e) => {
        const k = e.target.value as TriggerKind;
        onChange(k === 'none' ? undefined : { [k]: TRIGGER_DEFAULT[k] });
      }}>
        {TRIGGER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`widget.trigger.${k}`)}
          </option>
        ))}
      </select>
      {kind !== 'none' && kind !== 'manual' && (
        <input
          type="text"
          aria-label={`${label}: ${t(`widget.trigger.${kind}`)}`}
          value={show(inner)}
          onChange={(e) => {
            const next = kind === 'afterParts' ? (Number(e.target.value) || e.target.value) : durationValue(e.target.value);
            const rest = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
            onChange({ ...rest, [kind]: next });
          }}
        />
      )}
    </div>
  );
}

export function StationWidget({ id, value, onChange, label, registry }: WidgetProps) {
  const { t } = useT();
  const ctx = registry.formContext as EditorFormContext | undefined;
  const ids = ctx?.stations ?? [];
  const v = typeof value === 'string' ? value : '';
  return (
    <select id={id} aria-label={label} value={v} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">{t('widget.station.none')}</option>
      {v !== '' && !ids.includes(v) && <option value={v}>{v}</option>}
      {ids.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}

/** Free JSON for a value no form shows well (sensor settings, lots, a list of stations). */
export function JsonWidget({ id, value, onChange, label }: WidgetProps) {
  const { t } = useT();
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(value === undefined ? '' : JSON.stringify(value));
    setBad(false);
  }, [value]);
  return (
    <>
      <textarea
        id={id}
        rows={2}
        aria-label={label}
        aria-invalid={bad}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() === '') return onChange(undefined);
          try {
            onChange(JSON.parse(text) as unknown);
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <p className="field-error">{t('widget.json.invalid')}</p>}
    </>
  );
}

export const WIDGETS = { lfDuration: DurationWidget, lfText: TextWidget, lfTrigger: TriggerWidget, lfStation: StationWidget, lfJson: JsonWidget };
