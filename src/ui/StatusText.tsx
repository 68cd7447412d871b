import type { RunStatus } from '../session/run-status';
import { scoreText } from './format';
import { useT } from '../i18n';

/** A run's status in the same words everywhere: sessions list, compare, library. */
export function StatusText({ status }: { status: RunStatus }) {
  const { t, lang } = useT();
  switch (status.kind) {
    case 'inProgress':
      return <span className="muted">{t('status.inProgress')}</span>;
    case 'abandoned':
      return <span className="muted">{t('status.abandoned')}</span>;
    case 'finished':
      return (
        <span>
          {t('status.finished', { score: scoreText(status.score, lang), verdict: status.passed ? t('debrief.passed') : t('debrief.failed') })}
        </span>
      );
  }
}
