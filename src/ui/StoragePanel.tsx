import { useCallback, useEffect, useState } from 'react';
import { describeErrors } from '../scenario';
import { defaultAnalyser } from '../session/analysis-client';
import { makeBackup, newRuns } from '../session/backup';
import { deleteSessions, listSessions, putSession, type SavedSession } from '../session/saved-sessions';
import { download } from './download';
import { FilePicker } from './FilePicker';
import { shortNum } from './format';
import { useT } from '../i18n';
import { useStorageState } from './storage-state';

/** Share of the quota at which the student is warned: room for a few more long runs. */
const WARN_AT = 0.8;

interface Estimate {
  readonly usage: number;
  readonly quota: number;
  readonly persisted: boolean;
}

function bytes(n: number, lang: 'en' | 'nb'): string {
  if (n < 1024 * 1024) return `${shortNum(n / 1024, 0, lang)} kB`;
  if (n < 1024 * 1024 * 1024) return `${shortNum(n / 1024 / 1024, 1, lang)} MB`;
  return `${shortNum(n / 1024 / 1024 / 1024, 1, lang)} GB`;
}

/**
 * How much of the browser's storage the student's work takes, a warning before it is full,
 * whether the browser promised to keep it, and the backup of everything (export, import).
 */
export function StoragePanel({ items, selected, onChanged, onError }: { items: readonly SavedSession[]; selected: readonly string[]; onChanged: () => void; onError: (text: string | null) => void }) {
  const { t, lang } = useT();
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { problem } = useStorageState();
  const measure = useCallback(() => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.estimate) return;
    void Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)]).then(([e, persisted]) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0, persisted }));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again whenever the list or a problem changes
  useEffect(measure, [measure, items, problem]);
  const full = estimate !== null && estimate.quota > 0 && estimate.usage / estimate.quota >= WARN_AT;
  const exportAll = async () => {
    const list = await listSessions();
    const backup = makeBackup(list, new Date().toISOString());
    download(`learning-factory-backup-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(backup), 'application/json');
    setNotice(t('storage.exported', { n: backup.runs.length }));
  };
  const importBackup = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    // Validated in the analysis worker: a backup of many runs is a big file.
    const checked = await defaultAnalyser({ kind: 'backup', text: await file.text() }).done;
    if (!checked.ok) return onError(`${file.name}\n${checked.message}`);
    const load = checked.value.load;
    if (!load.ok) return onError(`${file.name}\n${describeErrors(load.errors)}`);
    onError(null);
    const { add, duplicates } = newRuns(await listSessions(), load.runs);
    for (const run of add) {
      const r = await putSession(run);
      if (!r.ok) {
        onChanged();
        return onError(t(r.reason === 'quota' ? 'storage.fullImport' : 'storage.failedImport', { n: add.indexOf(run) }));
      }
    }
    setNotice(t('storage.imported', { added: add.length, duplicates }));
    onChanged();
  };
  const removeSelected = async () => {
    setConfirming(false);
    await deleteSessions(selected);
    setNotice(t('storage.deleted', { n: selected.length }));
    onChanged();
  };
  return (
    <div className="storage" data-testid="storage">
      {problem && (
        <p className="refusal" role="alert" data-testid="storage-problem">
          {t(problem.reason === 'quota' ? 'storage.problemFull' : 'storage.problemFailed')}
        </p>
      )}
      {estimate && (
        <p className={full ? 'refusal' : 'muted'} data-testid="storage-usage">
          {t('storage.usage', { used: bytes(estimate.usage, lang), quota: bytes(estimate.quota, lang) })} {full ? t('storage.nearlyFull') : ''}{' '}
          {estimate.persisted ? t('storage.persisted') : t('storage.notPersisted')}
        </p>
      )}
      <div className="buttons">
        <button type="button" onClick={() => void exportAll()} data-testid="export-all">
          {t('storage.exportAll')}
        </button>
        <FilePicker label={t('storage.importBackup')} testId="backup-file" onFile={(f) => void importBackup(f)} />
        {confirming ? (
          <span className="confirm" data-testid="delete-confirm">
            {t('storage.confirmDelete', { n: selected.length })}{' '}
            <button type="button" className="danger" onClick={() => void removeSelected()}>
              {t('storage.deleteYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('storage.deleteNo')}
            </button>
          </span>
        ) : (
          <button type="button" disabled={selected.length === 0} onClick={() => setConfirming(true)} data-testid="delete-selected">
            {t('storage.deleteSelected', { n: selected.length })}
          </button>
        )}
      </div>
      {notice && (
        <p className="muted" role="status" data-testid="storage-notice">
          {notice}
        </p>
      )}
    </div>
  );
}
