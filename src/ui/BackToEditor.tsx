import { useT } from '../i18n';
import { useSim } from '../store/use-sim';
import { backToEditor, usePlayedFromEditor } from './editor-route';

/**
 * For an author who played a draft from the editor: back to it, as it was played (the library
 * would have them look for it under My scenarios and open it again). Nothing for any other drill.
 */
export function BackToEditor() {
  const { t } = useT();
  const id = useSim((s) => s.scenario?.id ?? null);
  const played = usePlayedFromEditor();
  const toLibrary = useSim((s) => s.toLibrary);
  if (id === null || played !== id) return null;
  return (
    <button
      type="button"
      data-testid="back-to-editor"
      onClick={() => {
        backToEditor();
        toLibrary();
      }}
    >
      {t('editor.backTo')}
    </button>
  );
}
