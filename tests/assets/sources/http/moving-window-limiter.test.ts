import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MovingWindowLimiter } from '../../../../assets/sources/http/moving-window-limiter.ts';
import { createVirtualClock } from './virtual-clock.ts';

/** Sends `count` requests one after another, each answered `latencyMs` later; returns the send times. */
async function sendSequentially(limiter: MovingWindowLimiter, clock: ReturnType<typeof createVirtualClock>, count: number, latencyMs = 0) {
  const sentAt: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const slot = await limiter.acquire();
    sentAt.push(clock.now());
    await clock.sleep(latencyMs);
    slot.complete();
  }
  return sentAt;
}

describe('moving-window limiter', () => {
  it('lets `limit` requests through, then waits exactly until the oldest leaves the window', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 3, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    assert.deepEqual(await sendSequentially(limiter, clock, 7), [0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('counts a request from its response, so latency never lets a slot free before the server frees it', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 2, windowMs: 1000, marginMs: 5, now: clock.now, sleep: clock.sleep });
    // Answered at 30 and 60: they leave at 1035 and 1065.
    assert.deepEqual(await sendSequentially(limiter, clock, 4, 30), [0, 30, 1035, 1065]);
  });

  it('can count from the send instead (a plain rate over sends)', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 2, windowMs: 1000, countFrom: 'request', now: clock.now, sleep: clock.sleep });
    assert.deepEqual(await sendSequentially(limiter, clock, 4, 30), [0, 30, 1000, 1030]);
  });

  it('waits for in-flight requests when they fill the window', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 2, windowMs: 100, now: clock.now, sleep: clock.sleep });
    const first = await limiter.acquire();
    await limiter.acquire();
    let third = false;
    const pending = limiter.acquire().then(() => (third = true));
    await clock.sleep(500);
    assert.equal(third, false);
    first.complete();
    await clock.sleep(99);
    assert.equal(third, false);
    await pending;
    assert.equal(clock.now(), 600);
  });

  it('holds back when the server says nothing remains, until a counted request leaves', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 60, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const first = await limiter.acquire();
    await clock.sleep(10);
    first.complete({ limit: 60, remaining: 0 }); // other clients of the token used the rest
    await limiter.acquire();
    assert.equal(clock.now(), 1010);
  });

  it('spends what the server says remains, counting requests sent since', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 60, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    (await limiter.acquire()).complete({ remaining: 2 });
    await limiter.acquire();
    await limiter.acquire();
    assert.equal(clock.now(), 0);
    await limiter.acquire(); // the server's 2 are spent; the one it had counted leaves at 1000
    assert.equal(clock.now(), 1000);
  });

  it('trusts an observation for one window at most, when more must leave than it had counted', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 60, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const slots = [await limiter.acquire(), await limiter.acquire(), await limiter.acquire()];
    await clock.sleep(10);
    slots[0]!.complete({ remaining: 0 }); // counted 1 of ours; the other 2 were sent after, as far as we know
    await clock.sleep(10);
    slots[1]!.complete();
    slots[2]!.complete();
    await limiter.acquire();
    // Everything the server had counted at 10 has left by 1010.
    assert.equal(clock.now(), 1010);
  });

  it('adopts a smaller limit the server advertises', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 60, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    (await limiter.acquire()).complete({ limit: 2 });
    (await limiter.acquire()).complete();
    await limiter.acquire();
    assert.equal(clock.now(), 1000);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = createVirtualClock();
    const limiter = new MovingWindowLimiter({ limit: 1, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    const controller = new AbortController();
    const pending = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(pending, /stop/);
  });
});
