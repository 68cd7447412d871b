/**
 * The audible alarm: a short two-tone beep while any alarm is unacknowledged. Audio starts
 * only after a user gesture (browsers require it) and never when muted.
 */
let ctx: AudioContext | null = null;

export function beep(): void {
  try {
    if (ctx === null) {
      const Ctor = globalThis.AudioContext;
      if (!Ctor) return;
      ctx = new Ctor();
    }
    if (ctx.state === 'suspended') return;
    const t0 = ctx.currentTime;
    for (const [k, f] of [880, 660].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = f;
      gain.gain.setValueAtTime(0.08, t0 + k * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + k * 0.18 + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + k * 0.18);
      osc.stop(t0 + k * 0.18 + 0.17);
    }
  } catch {
    // no audio device: the visual alarm still shows
  }
}

/** Browsers start audio suspended until a gesture: resume on the first click. */
export function unlockAudio(): void {
  if (ctx?.state === 'suspended') void ctx.resume();
}
