import { describe, expect, it } from 'vitest';
import { FrameGate, type FrameCallback, type FrameHost } from './frame-gate';

/** A display that refreshes every 16 ms when told to, and counts the frames the page asked for. */
class FakeDisplay implements FrameHost {
  time = 0;
  framesAsked = 0;
  private queue = new Map<number, FrameCallback>();
  private nextId = 1;
  request(callback: FrameCallback): number {
    this.framesAsked++;
    const id = this.nextId++;
    this.queue.set(id, callback);
    return id;
  }
  cancel(id: number): void {
    this.queue.delete(id);
  }
  now(): number {
    return this.time;
  }
  get waiting(): number {
    return this.queue.size;
  }
  /** One refresh: the callbacks asked for so far run; those they ask for wait for the next. */
  refresh(): void {
    this.time += 16;
    const due = [...this.queue.values()];
    this.queue.clear();
    for (const callback of due) callback(this.time);
  }
  refreshFor(ms: number): void {
    const until = this.time + ms;
    while (this.time < until) this.refresh();
  }
}

/** OpenSeadragon's loop: draws, then asks for the next frame, forever. */
function startLoop(gate: FrameGate): { draws: number; id: number } {
  const loop = { draws: 0, id: 0 };
  const frame = () => {
    loop.draws++;
    loop.id = gate.request(frame);
  };
  loop.id = gate.request(frame);
  return loop;
}

function setUp(idleMs = 100) {
  const display = new FakeDisplay();
  const state = { busy: false };
  const gate = new FrameGate(display, () => state.busy, idleMs);
  return { display, state, gate };
}

describe('FrameGate', () => {
  it('stops asking for frames once nothing has moved for the idle time', () => {
    const { display, gate } = setUp(100);
    const loop = startLoop(gate);
    display.refreshFor(160);
    const drawsWhenSettled = loop.draws;
    expect(gate.isParked).toBe(true);
    expect(display.waiting).toBe(0);
    const asked = display.framesAsked;
    display.refreshFor(1_000);
    expect(display.framesAsked).toBe(asked);
    expect(loop.draws).toBe(drawsWhenSettled);
    expect(gate.parkedCount).toBe(1);
  });

  it('keeps the frames coming while something moves, and for the idle time after', () => {
    const { display, state, gate } = setUp(100);
    const loop = startLoop(gate);
    state.busy = true;
    display.refreshFor(1_000);
    expect(gate.isParked).toBe(false);
    expect(loop.draws).toBeGreaterThanOrEqual(60);
    state.busy = false;
    const before = loop.draws;
    display.refreshFor(64);
    expect(gate.isParked).toBe(false);
    display.refreshFor(100);
    expect(gate.isParked).toBe(true);
    expect(loop.draws - before).toBeGreaterThanOrEqual(6);
  });

  it('a wake hands the parked loop back to the display', () => {
    const { display, gate } = setUp(100);
    const loop = startLoop(gate);
    display.refreshFor(500);
    const parkedAt = loop.draws;
    gate.wake();
    expect(gate.isParked).toBe(false);
    display.refresh();
    expect(loop.draws).toBe(parkedAt + 1);
    // And it settles again after the idle time.
    display.refreshFor(200);
    expect(gate.isParked).toBe(true);
  });

  it('a request from outside any frame (a timer, an event) wakes the gate by itself', () => {
    const { display, gate } = setUp(100);
    const loop = startLoop(gate);
    display.refreshFor(500);
    const parkedAt = loop.draws;
    let zoomed = 0;
    gate.request(() => zoomed++);
    expect(gate.isParked).toBe(false);
    display.refresh();
    expect(zoomed).toBe(1);
    expect(loop.draws).toBe(parkedAt + 1);
  });

  it('cancelling a parked callback forgets it, so a wake does not run it', () => {
    const { display, gate } = setUp(100);
    const loop = startLoop(gate);
    display.refreshFor(500);
    const parkedAt = loop.draws;
    gate.cancel(loop.id);
    expect(gate.parkedCount).toBe(0);
    gate.wake();
    display.refreshFor(200);
    expect(loop.draws).toBe(parkedAt);
  });

  it('cancelling a callback already asked of the display cancels it there', () => {
    const { display, gate } = setUp(100);
    let ran = false;
    const id = gate.request(() => {
      ran = true;
    });
    expect(display.waiting).toBe(1);
    gate.cancel(id);
    expect(display.waiting).toBe(0);
    display.refresh();
    expect(ran).toBe(false);
  });

  it('parks a second loop (the minimap’s) in the same frames without waking itself', () => {
    const { display, gate } = setUp(100);
    const main = startLoop(gate);
    const minimap = startLoop(gate);
    display.refreshFor(500);
    expect(gate.isParked).toBe(true);
    expect(gate.parkedCount).toBe(2);
    const draws = [main.draws, minimap.draws];
    display.refreshFor(500);
    expect([main.draws, minimap.draws]).toEqual(draws);
  });
});
