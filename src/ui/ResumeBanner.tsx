import { useState } from 'react';
import { textOf } from '../scenario';
import type { Draft } from '../session/autosave';
import { useSim } from '../store/use-sim';
import { useEditorRoute } from './editor-route';
import { clock } from './format';
import { useT } from '../i18n';

/** After a reload or a crash: offer to continue the saved run where it was left. */
export function ResumeBanner({ draft, onDiscard }: { draft: Draft; onDiscard: () => void }) {
  const { t, lang } = useT();
  const resume = useSim((s) => s.resume);
  const [open, setOpen] = useState(true);
  // Once another run is opened the offer lapses: the saved run stays in the sessions list.
  const elsewhere = useSim((s) => s.phase !== 'library');
  // The offer belongs to the library: it waits there while the scenario editor is open (it sat
  // above the editor's title).
  const editing = useEditorRoute() !== null;
  if (!open || elsewhere || editing) return null;
  const title = textOf((draft.scenario as { title?: never }).title, lang);
  return (
    <div className="resume" role="alert" data-testid="resume">
      <span>{t('resume.offer', { title, time: clock(draft.tick / 10) })}</span>
      <button
        type="button"
        className="primary"
        onClick={() => {
          setOpen(false);
          resume(draft.scenario, draft.commands, draft.tick, {
            ...(draft.runId ? { runId: draft.runId } : {}),
            ...(draft.hash ? { expectedHash: draft.hash } : {}),
            ...(draft.hintsAllowed === false ? { hintsAllowed: false } : {}),
            ...(draft.speed !== undefined ? { speed: draft.speed } : {}),
          });
        }}
      >
        {t('resume.yes')}
      </button>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          onDiscard();
        }}
      >
        {t('resume.no')}
      </button>
    </div>
  );
}
