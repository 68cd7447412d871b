/** The properties beside a list (a fault, an alarm rule): its heading, its form and Remove; or a word that nothing is selected. */
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface Props {
  readonly testId: string;
  /** Null when nothing of the list is selected. */
  readonly part: { readonly heading: ReactNode; readonly form: ReactNode; readonly removeLabel: string; readonly onRemove: () => void } | null;
}

export function PartAside({ testId, part }: Props) {
  const { t } = useT();
  return (
    <aside className="properties" data-testid={testId}>
      {part === null ? (
        <p className="muted">{t('editor.nothingSelected')}</p>
      ) : (
        <>
          <h3>{part.heading}</h3>
          {part.form}
          <button type="button" className="danger" onClick={part.onRemove}>
            {part.removeLabel}
          </button>
        </>
      )}
    </aside>
  );
}
