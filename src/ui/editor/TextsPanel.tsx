/**
 * The Texts tab: every text a student or an instructor reads, English and Norwegian side by
 * side, with a marker where a language is missing and the file check's errors beside them.
 */
import type { Draft } from '../../editor/draft';
import { type PlacedError, startsWith } from '../../editor/errors';
import { addText, removeText, setText, type TextField, textFields } from '../../editor/texts';
import { type TextKey, useT } from '../../i18n';

interface Props {
  readonly draft: Draft;
  readonly errors: readonly PlacedError[];
  readonly edit: (draft: Draft, key?: string) => void;
}

const LISTS = { objective: 'objectives', hint: 'hints', evidence: 'evidence', topic: 'topics' } as const;
const ADDS = [
  ['objectives', 'editor.addObjective'],
  ['hints', 'editor.addHint'],
  ['evidence', 'editor.addEvidence'],
  ['topics', 'editor.addTopic'],
] as const;

export function TextsPanel({ draft, errors, edit }: Props) {
  const { t } = useT();
  const fields = textFields(draft);
  const label = (f: TextField) => t(`editor.text.${f.kind}` as TextKey, { n: f.n });
  return (
    <div className="texts-panel">
      <h3>{t('editor.texts')}</h3>
      <p className="muted">{t('editor.textsIntro')}</p>
      <table className="texts">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('editor.lang.en')}</th>
            <th scope="col">{t('editor.lang.nb')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const key = f.path.join('.');
            const errs = errors.filter((e) => startsWith(e.parts, f.path));
            const list = f.kind in LISTS ? LISTS[f.kind as keyof typeof LISTS] : null;
            return (
              <tr key={key} data-testid={`text-${key}`}>
                <th scope="row">
                  {label(f)}
                  {list !== null && (
                    <button type="button" className="link" onClick={() => edit(removeText(draft, list, f.n - 1))}>
                      {t('editor.remove')}
                    </button>
                  )}
                </th>
                {(['en', 'nb'] as const).map((lang) => {
                  const missing = f.missing.includes(lang);
                  const common = {
                    value: f[lang],
                    'aria-label': `${label(f)} (${t(`editor.lang.${lang}`)})`,
                    'aria-invalid': missing,
                    'data-testid': `text-${key}-${lang}`,
                    onChange: (e: { target: { value: string } }) => edit(setText(draft, f.path, lang, e.target.value), `${key}.${lang}`),
                  };
                  return (
                    <td key={lang} className={missing ? 'missing' : ''}>
                      {f.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
                      {missing && <span className="missing-marker">⚠ {t('editor.missing', { lang: t(`editor.lang.${lang}`) })}</span>}
                      {lang === 'en' && errs.map((e) => <p key={e.path + e.message} className="field-error">{`${e.path}: ${e.message}`}</p>)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="text-adds">
        {ADDS.map(([list, label]) => (
          <button key={list} type="button" onClick={() => edit(addText(draft, list))}>
            {t(label)}
          </button>
        ))}
      </div>
    </div>
  );
}
