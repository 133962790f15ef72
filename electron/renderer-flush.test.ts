import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForRendererFlush, type FlushChannel } from './renderer-flush';

/** A channel whose renderer side the test drives by hand. */
function fakeChannel() {
  const ready = new Set<() => void>();
  const gone = new Set<() => void>();
  const request = vi.fn();
  const channel: FlushChannel = {
    request,
    onReady: (listener) => {
      ready.add(listener);
      return () => ready.delete(listener);
    },
    onGone: (listener) => {
      gone.add(listener);
      return () => gone.delete(listener);
    },
  };
  return {
    channel,
    request,
    answer: () => [...ready].forEach((listener) => listener()),
    crash: () => [...gone].forEach((listener) => listener()),
    listenerCount: () => ready.size + gone.size,
  };
}

describe('waitForRendererFlush', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks the renderer once and resolves "ready" when it answers', async () => {
    const fake = fakeChannel();
    const outcome = waitForRendererFlush(fake.channel, 5000);
    expect(fake.request).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1200);
    fake.answer();
    await expect(outcome).resolves.toBe('ready');
    expect(fake.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves "timeout" when the renderer never answers, and not before the limit', async () => {
    const fake = fakeChannel();
    let settled: string | undefined;
    void waitForRendererFlush(fake.channel, 5000).then((outcome) => {
      settled = outcome;
    });
    await vi.advanceTimersByTimeAsync(4999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe('timeout');
    expect(fake.listenerCount()).toBe(0);
  });

  it('resolves "gone" at once when the renderer crashes', async () => {
    const fake = fakeChannel();
    const outcome = waitForRendererFlush(fake.channel, 5000);
    fake.crash();
    await expect(outcome).resolves.toBe('gone');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores a late answer after the timeout', async () => {
    const fake = fakeChannel();
    const outcome = waitForRendererFlush(fake.channel, 100);
    await vi.advanceTimersByTimeAsync(100);
    fake.answer();
    await expect(outcome).resolves.toBe('timeout');
  });

  it('catches an answer that arrives during the request itself', async () => {
    const fake = fakeChannel();
    fake.request.mockImplementation(() => fake.answer());
    await expect(waitForRendererFlush(fake.channel, 5000)).resolves.toBe('ready');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves "gone" when the request cannot be sent', async () => {
    const fake = fakeChannel();
    fake.request.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    await expect(waitForRendererFlush(fake.channel, 5000)).resolves.toBe('gone');
    expect(vi.getTimerCount()).toBe(0);
  });
});
