import { useState } from 'react';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';

/**
 * The instructor's latest message to this run, as a banner above the line until it is put
 * away (a new message shows again). In a replay: the latest one sent by the moment shown.
 */
export function InstructorMessage() {
  const { t } = useT();
  const message = useSim((s) => {
    const now = s.observation?.tick ?? 0;
    const shown = s.phase === 'replay' ? s.commands.filter((c) => c.tick <= now) : s.commands;
    return shown.findLast((c) => c.type === 'instructorMessage') ?? null;
  });
  const replaying = useSim((s) => s.phase === 'replay');
  const [dismissed, setDismissed] = useState<object | null>(null);
  if (message === null || message.type !== 'instructorMessage' || message === dismissed) return null;
  return (
    <div className="instructor-message" role="alert" data-testid="instructor-message">
      <strong>{t(replaying ? 'message.fromInstructor' : 'message.from')}</strong> <span lang="">{message.text}</span>
      <button type="button" onClick={() => setDismissed(message)}>
        {t('message.ok')}
      </button>
    </div>
  );
}
