import { useEffect, useRef, useState } from 'react';
import { useSim } from '../store/use-sim';
import { useT } from '../i18n';
import { alarmAnnouncement } from '../i18n/names';
import { useNames } from '../store/use-names';

/**
 * Tells a screen reader each alarm as it rises: its priority, station and message, in a live
 * region (assertive for priority 1). Only new alarms: one that stays active is not repeated.
 */
export function AlarmAnnouncer() {
  const { t, lang } = useT();
  const names = useNames();
  const alarms = useSim((s) => s.observation?.alarms);
  const live = useSim((s) => s.phase === 'running');
  const seen = useRef(new Map<string, number>());
  const [said, setSaid] = useState<{ text: string; urgent: boolean }>({ text: '', urgent: false });
  useEffect(() => {
    if (!alarms) return;
    const risen = alarms.filter((a) => a.active && a.phase !== 'suppressed' && a.phase !== 'shelved' && seen.current.get(a.id) !== a.raisedAt);
    for (const a of alarms) seen.current.set(a.id, a.raisedAt);
    if (risen.length === 0 || !live) return;
    const text = risen
      .map((a) => alarmAnnouncement(a, names.station, t, lang))
      .join(' ');
    setSaid({ text, urgent: risen.some((a) => a.priority === 'high') });
  }, [alarms, live, names, t, lang]);
  return (
    <div className="sr-only" aria-live={said.urgent ? 'assertive' : 'polite'} data-testid="alarm-announcer">
      {said.text}
    </div>
  );
}
