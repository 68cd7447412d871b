/**
 * What a faceplate says about a station's state, stop reason and counters, consistent for
 * every station type: each counter names what it counts, so the numbers add up, and a reading
 * that does not apply in the station's state is not shown.
 */
import { isActing, Pack, type StationView, StopReason } from '../engine';
import { hasText, type TextKey } from './index';

type T = (key: TextKey, vars?: Record<string, string | number>) => string;

/** The PackML state in the reader's language (the standard English name goes in a tooltip). */
export function stateName(st: Pick<StationView, 'state' | 'stateName'>, t: T): string {
  const key = `pack.${st.state}`;
  return hasText(key) ? t(key) : st.stateName;
}

export function stopReasonText(reason: number, t: T): string {
  const key = `reason.${reason}`;
  return hasText(key) ? t(key) : t('reason.other', { n: reason });
}

/**
 * First-out (PackML/OMAC): the first cause of the stop is kept until Reset. Say whether the
 * controller still sees it, so a repaired station does not look broken.
 */
export function firstOut(st: StationView, t: T): string {
  if (st.stopReason === 0) return '—';
  const base = `${st.stopReason} ${stopReasonText(st.stopReason, t)}`;
  if (st.causePresent) return t('faceplate.firstOutPresent', { reason: base });
  // A stop, hold or abort the operator commanded has no cause to clear: "cause cleared" beside
  // it read as if the fault the student stopped the robot for were gone (it was not).
  const commanded = st.stopReason === StopReason.OperatorStop || st.stopReason === StopReason.OperatorHold || st.stopReason === StopReason.OperatorAbort;
  const reason = { reason: base, cleared: commanded ? '' : t('faceplate.causeCleared') };
  // An aborted station takes Clear before Reset will, a held one Unhold (the engine refuses
  // Reset from both): the next step named is the one that works.
  // Reset, Start and Clear are refused while the station is locked out: the lock-out comes off first.
  if (st.lockedOut) return t('faceplate.firstOutLocked', reason);
  // Mid-way through a transition (Resetting, Clearing, Unholding...) the step is being taken:
  // naming it as the next one ("Reset to clear" while Resetting) would send the student to press it again.
  if (isActing(st.state)) return t('faceplate.firstOutActing', { ...reason, state: stateName(st, t) });
  if (st.state === Pack.Aborted) return t('faceplate.firstOutClear', reason);
  if (st.state === Pack.Held) return t('faceplate.firstOutUnhold', reason);
  return t('faceplate.firstOutCleared', reason);
}

/** Starved and blocked are states of a running station (Suspended, Execute); stopped, they mean nothing. */
export function interlockText(st: StationView, t: T): string {
  const running = st.state === Pack.Execute || st.state === Pack.Suspended;
  return running ? t(`interlock.${st.interlock}` as TextKey) : t('interlock.notRunning');
}

/** The station's counters in words that add up. */
export function countersText(st: StationView, t: T): string {
  const scrapHere = st.scrap > 0 ? t('count.scrapHere', { n: st.scrap }) : '';
  switch (st.type) {
    case 'source':
      return t('count.released', { n: st.processed });
    case 'sink':
      return t('count.received', { n: st.good });
    case 'buffer':
      return scrapHere === '' ? t('count.buffer') : scrapHere;
    case 'conveyor':
      return [t('count.carried', { n: st.processed }), scrapHere].filter((x) => x !== '').join(' · ');
    case 'inspection': {
      const judged = st.good + st.scrap + st.rework;
      return t('count.inspected', { n: judged, good: st.good, scrap: st.scrap, rework: st.rework });
    }
    case 'machine':
    case 'assembly':
      // A machine does not know whether its parts are good (an inspection downstream judges them): it counts what it made.
      return [t(st.type === 'machine' ? 'count.made' : 'count.assembled', { n: st.processed }), scrapHere].filter((x) => x !== '').join(' · ');
  }
}
