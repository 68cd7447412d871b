/**
 * The JSON tab: the scenario file in a code editor (CodeMirror 6: small, keyboard-accessible,
 * bundled with the app so it works offline). The file check's errors are underlined where their
 * paths point, in the same words; the JSON Schema suggests keys and values (Ctrl+Space). Text
 * that parses becomes the draft at once, so the graph and the forms follow.
 */
import { autocompletion, type CompletionContext, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { PlacedError } from '../../editor/errors';
import { scenarioSchemaObject } from '../../editor/form-schema';
import { rangeOf, suggestionsAt } from '../../editor/json-assist';
import { useT } from '../../i18n';

interface Props {
  readonly text: string;
  readonly syntaxError: string | null;
  readonly errors: readonly PlacedError[];
  readonly onText: (text: string) => void;
}

export function JsonPanel({ text, syntaxError, errors, onText }: Props) {
  const { t } = useT();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ errors, onText, syntaxError });
  latest.current = { errors, onText, syntaxError };
  const external = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one editor for the panel's life; the text follows below
  useEffect(() => {
    const schemaLint = (v: EditorView): Diagnostic[] => {
      if (latest.current.syntaxError !== null) return [];
      const doc = v.state.doc.toString();
      return latest.current.errors.map((e) => {
        const r = rangeOf(doc, e.parts);
        return { from: Math.min(r.from, doc.length), to: Math.min(r.to, doc.length), severity: 'error', message: e.path === '' ? e.message : `${e.path}: ${e.message}` };
      });
    };
    const complete = (ctx: CompletionContext) => {
      const word = ctx.matchBefore(/"?[\w$.-]*/);
      if (!ctx.explicit && (word === null || word.from === word.to)) return null;
      const from = word?.from ?? ctx.pos;
      const options = suggestionsAt(ctx.state.doc.toString(), ctx.pos, scenarioSchemaObject()).map((s) => ({ label: s.apply, type: s.kind === 'property' ? 'property' : 'constant' }));
      return options.length === 0 ? null : { from, options };
    };
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle),
          json(),
          linter(jsonParseLinter()),
          linter(schemaLint, { delay: 300 }),
          autocompletion({ override: [complete] }),
          keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': t('editor.jsonLabel'), 'data-testid': 'json-editor', tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !external.current) latest.current.onText(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // A change made elsewhere (a form, undo) replaces the text; typing here does not come back.
  useEffect(() => {
    const v = view.current;
    if (v === null) return;
    if (v.state.doc.toString() !== text) {
      external.current = true;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
      external.current = false;
    }
  }, [text]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the lint reads the latest errors through a ref; run it again when they change
  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [errors, syntaxError]);

  return (
    <div className="json-panel">
      <p className="muted small">{t('editor.jsonHelp')}</p>
      {syntaxError !== null && (
        <p className="field-error" role="status" data-testid="json-broken">
          {t('editor.jsonBroken', { where: syntaxError })}
        </p>
      )}
      <div ref={host} className="json-editor" />
    </div>
  );
}
