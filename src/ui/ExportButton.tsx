import { useSim } from '../store/use-sim';
import { downloadSession } from './download';
import { useT } from '../i18n';

/** Saves the run as a session file the instructor can replay and verify. */
export function ExportButton() {
  const { t } = useT();
  const exportSession = useSim((s) => s.exportSession);
  const scenario = useSim((s) => s.scenario);
  const onClick = async () => {
    const session = await exportSession();
    if (!session) return;
    downloadSession(session, `${scenario?.id ?? 'session'}-${session.endTick}.session.json`);
  };
  return (
    <button type="button" onClick={() => void onClick()}>
      {t('run.export')}
    </button>
  );
}
