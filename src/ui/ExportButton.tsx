import { useSim } from '../store/use-sim';
import { useT } from './i18n';

/** Saves the run as a session file the instructor can replay and verify. */
export function ExportButton() {
  const { t } = useT();
  const exportSession = useSim((s) => s.exportSession);
  const scenario = useSim((s) => s.scenario);
  const onClick = async () => {
    const session = await exportSession();
    if (!session) return;
    const blob = new Blob([JSON.stringify(session, null, 1)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${scenario?.id ?? 'session'}-${session.endTick}.session.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <button type="button" onClick={() => void onClick()}>
      {t('run.export')}
    </button>
  );
}
