import { useState } from 'react';
import { MAX_MESSAGE_CHARS } from '../session/command-schema';
import { instruct } from '../session/school-admin';
import { SchoolError } from '../session/school-client';
import type { Instruction } from '../session/school-api';
import { useSim } from '../store/use-sim';
import { FaultStarts } from './FaultStarts';
import { clock } from './format';
import { useT } from '../i18n';
import { useFollowed } from './followed';
import { reasonOf, Refusal } from './instructor-form';

/**
 * Following a student's live run: a message to them (a banner on their screen) and a fault of
 * the scenario started in their run, both through the school server; each shows once the run's
 * own log has it (their app took it and recorded it).
 */
export function FollowPanel() {
  const { t } = useT();
  const followed = useFollowed();
  const live = useSim((s) => s.replay?.live ?? null);
  const commands = useSim((s) => s.commands);
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [refusal, setRefusal] = useState<string | null>(null);
  if (followed === null || live === null || live.ended) return null;
  const send = async (what: Instruction): Promise<boolean> => {
    setRefusal(null);
    try {
      await instruct(followed.classId, followed.runId, what);
      return true;
    } catch (e) {
      setRefusal(e instanceof SchoolError && e.status === 409 ? t('follow.runEnded') : reasonOf(e, t));
      return false;
    }
  };
  const shown = sent === null ? undefined : commands.findLast((m) => m.type === 'instructorMessage' && m.text === sent);
  return (
    <section className="instructor-panel" data-testid="follow-panel">
      <h3>{t('follow.heading', { name: followed.student })}</h3>
      <form
        className="follow-message"
        onSubmit={(e) => {
          e.preventDefault();
          const message = text.trim();
          if (message === '') return;
          void send({ kind: 'message', text: message }).then((ok) => {
            if (!ok) return;
            setSent(message);
            setText('');
          });
        }}
      >
        <label>
          {t('follow.message')}
          <input value={text} maxLength={MAX_MESSAGE_CHARS} onChange={(e) => setText(e.target.value)} data-testid="follow-message" />
        </label>
        <button type="submit" disabled={text.trim() === ''}>
          {t('follow.send')}
        </button>
      </form>
      {sent !== null && (
        <p className="muted" role="status" data-testid="follow-message-state">
          {shown === undefined ? t('follow.messageSent') : t('follow.messageShown', { time: clock(shown.tick / 10) })}
        </p>
      )}
      <h4>{t('instructor.heading')}</h4>
      <FaultStarts
        pending={pending}
        start={(fault) =>
          void send({ kind: 'injectFault', fault }).then((ok) => {
            if (ok) setPending((p) => new Set([...p, fault]));
          })
        }
      />
      <Refusal text={refusal} />
    </section>
  );
}
