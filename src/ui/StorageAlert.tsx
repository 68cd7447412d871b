import { ExportButton } from './ExportButton';
import { useT } from '../i18n';
import { useStorageState } from './storage-state';

/**
 * In the control room: the run could not be saved just now (kept in memory, tried again). A
 * copy can be downloaded at once: a browser frees the room of deleted runs only when it tidies
 * its database, which may take a while.
 */
export function StorageAlert() {
  const { t } = useT();
  const { problem } = useStorageState();
  if (problem === null) return null;
  return (
    <div className="storage-alert refusal" role="alert" data-testid="storage-alert">
      <span>{t(problem.reason === 'quota' ? 'storage.problemFull' : 'storage.problemFailed')}</span> <ExportButton />
    </div>
  );
}
