import { describe, expect, it } from 'vitest';
import type { EngineHost } from '../../src/session/engine-host';
import type { ToEngine } from '../../src/session/engine-protocol';
import { createPacer, MAX_TICKS_PER_FRAME } from '../../src/store/pacer';

function recordingHost() {
  const posted: ToEngine[] = [];
  const host: EngineHost = {
    post: (m) => {
      posted.push(m);
    },
    listen: () => undefined,
    restart: () => undefined,
  };
  return { host, posted };
}

describe('the pacer', () => {
  it('turns wall time x speed into ticks, one run in flight at a time, released only by its own frame', () => {
    const { host, posted } = recordingHost();
    const p = createPacer(host);
    p.start(0);
    // 250 ms at 10x: 2.5 s of line time, 25 ticks.
    expect(p.frameAt(250, 10, 10_000)).toEqual({ to: 25, observe: true });
    p.run(25, true);
    const run = posted.at(-1)!;
    expect(run).toEqual({ type: 'run', to: 25, observe: true, id: 1 });
    // Time goes on while the engine works; nothing more is asked until its frame comes.
    expect(p.frameAt(500, 10, 10_000)).toBeNull();
    const command = p.ask({ type: 'command', command: { type: 'eStop' } });
    p.answered(command, 25);
    expect(p.frameAt(750, 10, 10_000)).toBeNull();
    p.answered(run.id, 25);
    // The wall time that passed meanwhile is not lost: 50 more ticks.
    expect(p.frameAt(750, 10, 10_000)?.to).toBe(75);
  });

  it('never asks past the limit, nor more than one slow frame may', () => {
    const p = createPacer(recordingHost().host);
    p.start(0);
    expect(p.frameAt(10_000, 60, 100)?.to).toBe(100);
    const q = createPacer(recordingHost().host);
    q.start(0);
    expect(q.frameAt(3_600_000, 60, Number.MAX_SAFE_INTEGER)?.to).toBe(MAX_TICKS_PER_FRAME);
  });

  it('numbers requests and knows a number before the host answers (an in-process engine answers inside post)', () => {
    let seenInPost = -1;
    const p = createPacer({
      post: (m) => {
        seenInPost = m.id;
        p.answered(m.id, 0);
      },
      listen: () => undefined,
      restart: () => undefined,
    });
    p.start(0);
    p.run(10, false);
    expect(seenInPost).toBe(1);
    // Answered inside post, so the next frame may ask again.
    expect(p.frameAt(100, 1, 1000)).not.toBeNull();
  });

  it('knows where the view is heading: back with a jump, never back with a run', () => {
    const { host, posted } = recordingHost();
    const p = createPacer(host);
    p.run(600, true);
    expect(p.heading).toBe(600);
    // A pause's refresh asks for the tick on screen; the engine is already on its way further.
    p.run(0, true);
    expect(p.heading).toBe(600);
    p.jumpTo(300);
    const seek = p.ask({ type: 'seek', tick: 300 }, { waits: true });
    expect(p.heading).toBe(300);
    // An older request's frame shows where the engine was, not where it ends up.
    p.answered(posted[0]!.id, 600);
    expect(p.heading).toBe(300);
    p.answered(seek, 300);
    expect(p.known).toBe(300);
    expect(p.heading).toBe(300);
  });
});
