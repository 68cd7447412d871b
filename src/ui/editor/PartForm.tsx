/**
 * The properties of one part of the scenario (a station, a fault, an alarm rule, the
 * scenario's settings) as a form generated from the JSON Schema, with the file check's errors
 * under the fields they name.
 */
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { useMemo } from 'react';
import type { Json, Path } from '../../editor/draft';
import { type PlacedError, formErrors } from '../../editor/errors';
import { applyForm, formDataOf } from '../../editor/form-data';
import { type FormTarget, forForm, schemaFor } from '../../editor/form-schema';
import { DEFAULT_TEMPTING_FIX } from '../../assessment';
import type { FaultType } from '../../engine';
import { DEFAULT_RESOLVED_BY } from '../../scenario';
import { hasText, useT } from '../../i18n';
import { type EditorFormContext, WIDGETS } from './widgets';

type Obj = { readonly [key: string]: Json };

interface Props {
  readonly target: FormTarget;
  readonly value: Obj;
  /** Where the part is in the file, to find its errors. */
  readonly path: Path;
  readonly errors: readonly PlacedError[];
  readonly stations: readonly string[];
  readonly onChange: (next: Obj) => void;
  readonly idPrefix: string;
}

export function PartForm({ target, value, path, errors, stations, onChange, idPrefix }: Props) {
  const { t, lang } = useT();
  const key = JSON.stringify(target);
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels follow the language
  const form = useMemo(() => {
    const node = schemaFor(target);
    if (node === null) return null;
    const made = forForm(
      node,
      (k) => (hasText(`field.${k}`) ? t(`field.${k}` as never) : k),
      (v, field) => {
        if (hasText(`enum.${field}.${v}`)) return t(`enum.${field}.${v}` as never);
        for (const prefix of ['repair', 'sensor', 'difficulty', 'cause', 'priority']) if (hasText(`${prefix}.${v}`)) return t(`${prefix}.${v}` as never);
        return undefined;
      },
    );
    // A fault says what fixes it when the file names no fix, and which mistake the check tries.
    if (target.kind === 'fault' && target.type in DEFAULT_RESOLVED_BY) {
      const type = target.type as FaultType;
      const fixes = DEFAULT_RESOLVED_BY[type].map((a) => t(`repair.${a}` as never)).join(', ');
      made.ui.resolvedBy = { ...(made.ui.resolvedBy as object), 'ui:description': t('editor.fixesDefault', { fixes: fixes || t('library.restartFix') }) };
      made.ui.temptingFix = { 'ui:placeholder': t('editor.temptingDefault', { repair: t(`repair.${DEFAULT_TEMPTING_FIX[type]}` as never) }) };
    }
    // Standard alarms the stations get when the file says nothing.
    if (target.kind === 'alarms') made.ui.defaults = { 'ui:placeholder': t('editor.defaultAlarms') };
    if (target.kind === 'scenario') {
      made.ui.initialState = { 'ui:placeholder': t('editor.defaultRunning') };
      // An empty choice read as if the screens were neither working nor dark.
      made.ui.hmi = { 'ui:placeholder': t('editor.defaultScreens') };
    }
    return made;
  }, [key, lang]);
  const context: EditorFormContext = useMemo(() => ({ stations }), [stations]);
  if (form === null) return null;
  const extra = formErrors(errors, path, form.schema);
  return (
    <Form
      className="part-form"
      idPrefix={idPrefix}
      schema={form.schema}
      uiSchema={{ ...form.ui, 'ui:submitButtonOptions': { norender: true } }}
      formData={formDataOf(value, form.schema)}
      validator={validator}
      widgets={WIDGETS}
      formContext={context}
      noValidate
      noHtml5Validate
      showErrorList={false}
      extraErrors={extra as never}
      experimental_defaultFormStateBehavior={{ emptyObjectFields: 'skipDefaults', arrayMinItems: { populate: 'never' } }}
      onChange={(e: IChangeEvent) => {
        const next = applyForm(value, (e.formData ?? {}) as { [key: string]: unknown }, form.schema);
        if (next !== value) onChange(next);
      }}
    />
  );
}
