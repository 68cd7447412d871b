/**
 * The Alarms tab: which standard alarms the stations get, and the scenario's own alarm rules
 * (ISA-18.2: condition, limit, deadband, delays, priority, message), each in its form.
 */
import { asArray, type Draft, getAt, isObject, type Json, removeFrom, setAt } from '../../editor/draft';
import { type PlacedError, startsWith } from '../../editor/errors';
import { stationsOf } from '../../editor/graph';
import type { Selection } from '../../editor/state';
import { useT } from '../../i18n';
import { PartAside } from './PartAside';
import { PartForm } from './PartForm';

interface Props {
  readonly draft: Draft;
  readonly selection: Selection;
  readonly errors: readonly PlacedError[];
  readonly edit: (draft: Draft, key?: string) => void;
  readonly select: (s: Selection) => void;
}

type Obj = { readonly [key: string]: Json };

function freeRuleId(rules: readonly Json[]): string {
  const used = new Set(rules.map((r) => (isObject(r) ? r.id : null)));
  for (let k = 1; ; k++) if (!used.has(`rule-${k}`)) return `rule-${k}`;
}

export function AlarmsPanel({ draft, selection, errors, edit, select }: Props) {
  const { t } = useT();
  const alarms: Obj = isObject(draft.alarms) ? draft.alarms : {};
  const rules = asArray(getAt(draft, ['alarms', 'rules']));
  const ids = stationsOf(draft).map((s) => String(s.id));
  const machine = stationsOf(draft).find((s) => s.type === 'machine');
  const index = selection.kind === 'alarm' && selection.index < rules.length ? selection.index : -1;
  const rule = index >= 0 && isObject(rules[index]) ? (rules[index] as Obj) : null;
  const setAlarms = (next: Obj) => edit(Object.keys(next).length === 0 ? setAt(draft, ['alarms'], undefined) : setAt(draft, ['alarms'], next as Json), 'alarms');
  return (
    <div className="faults-panel">
      <section>
        <h3>{t('editor.alarms')}</h3>
        <p className="muted">{t('editor.alarmsIntro')}</p>
        <PartForm idPrefix="al" target={{ kind: 'alarms' }} value={alarms} path={['alarms']} errors={errors.filter((e) => !startsWith(e.parts, ['alarms', 'rules']))} stations={ids} onChange={setAlarms} />
        {rules.length === 0 && <p className="muted">{t('editor.noRules')}</p>}
        <ul className="fault-list">
          {rules.map((r, k) => {
            const o = isObject(r) ? r : {};
            const broken = errors.some((e) => startsWith(e.parts, ['alarms', 'rules', k]));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: two rules may share an id while it is being typed; the place in the list is what the row shows
              <li key={k}>
                <button type="button" aria-pressed={k === index} className={k === index ? 'selected' : ''} onClick={() => select({ kind: 'alarm', index: k })} data-testid="rule-item">
                  {String(o.id ?? '')} · {String(o.station ?? '')} · {String(o.condition ?? '')}
                  {broken ? ' ⚠' : ''}
                </button>
              </li>
            );
          })}
        </ul>
        <button
          type="button"
          data-testid="add-rule"
          onClick={() => {
            const rule: Obj = { id: freeRuleId(rules), station: String(machine?.id ?? ids[0] ?? ''), condition: 'high', sensor: 'temperature', limit: 70, priority: 'medium', message: { en: 'Temperature high', nb: 'Høy temperatur' } };
            edit(setAt(draft, ['alarms', 'rules', rules.length], rule as Json));
            select({ kind: 'alarm', index: rules.length });
          }}
        >
          {t('editor.addRule')}
        </button>
      </section>
      <PartAside
        empty={t('editor.pickRule')}
        testId="rule-properties"
        part={
          rule === null
            ? null
            : {
                heading: t('editor.rule', { id: String(rule.id) }),
                form: <PartForm key={`rule-${index}`} idPrefix={`r${index}`} target={{ kind: 'alarm' }} value={rule} path={['alarms', 'rules', index]} errors={errors} stations={ids} onChange={(next) => edit(setAt(draft, ['alarms', 'rules', index], next as Json), `rule:${index}`)} />,
                removeLabel: t('editor.removeRule'),
                onRemove: () => {
                  edit(removeFrom(draft, ['alarms', 'rules'], index));
                  select({ kind: 'scenario' });
                },
              }
        }
      />
    </div>
  );
}
