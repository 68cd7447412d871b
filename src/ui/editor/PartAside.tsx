/** The properties beside a list (a fault, an alarm rule): its heading, its form and Remove; or a word that nothing is selected. */
import type { ReactNode } from 'react';

interface Props {
  readonly testId: string;
  /** What to select, said while nothing is. */
  readonly empty: string;
  /** Null when nothing of the list is selected. */
  readonly part: { readonly heading: ReactNode; readonly form: ReactNode; readonly removeLabel: string; readonly onRemove: () => void } | null;
}

export function PartAside({ testId, empty, part }: Props) {
  return (
    <aside className="properties" data-testid={testId}>
      {part === null ? (
        <p className="muted">{empty}</p>
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
