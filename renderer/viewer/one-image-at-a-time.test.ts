import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The real tile source needs a browser (OpenSeadragon, <img>, workers); the opener only hands
// it to viewer.open, so a stand-in that remembers its URL is enough here.
vi.mock('./blob-image-tile-source', () => ({
  BlobImageTileSource: class {
    readonly url: string;
    constructor(options: { url: string }) {
      this.url = options.url;
    }
  },
  baseSizeFor: () => 1000,
}));

const { OneImageAtATime } = await import('./one-image-at-a-time');

type Handler = (event: { message?: string }) => void;

/** The part of an OpenSeadragon viewer the opener uses, with the opens it was asked for. */
class FakeViewer {
  readonly container = {};
  readonly handlers = new Map<string, Set<Handler>>();
  readonly opened: string[] = [];
  closes = 0;
  addHandler(name: string, handler: Handler): void {
    if (!this.handlers.has(name)) this.handlers.set(name, new Set());
    this.handlers.get(name)!.add(handler);
  }
  removeHandler(name: string, handler: Handler): void {
    this.handlers.get(name)?.delete(handler);
  }
  open(options: { tileSource: { url: string } }): void {
    this.closes++; // open() closes what was on show first
    this.opened.push(options.tileSource.url);
  }
  close(): void {
    this.closes++;
  }
  /** OpenSeadragon finishing the open in flight. */
  finish(name: 'open' | 'open-failed' = 'open'): void {
    for (const handler of this.handlers.get(name) ?? []) handler({ message: 'broken' });
  }
}

let live: Set<string>;
let counter: number;

beforeEach(() => {
  live = new Set();
  counter = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
    const url = `blob:test/${++counter}`;
    live.add(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => {
    live.delete(url);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

const image = (key: string) => ({ key, blob: new Blob([key]) });

function setup() {
  const viewer = new FakeViewer();
  const onOpen = vi.fn();
  const onFail = vi.fn();
  // The opener takes an OpenSeadragon.Viewer; the fake has every member it touches.
  const opener = new OneImageAtATime(viewer as never, { onOpen, onFail });
  return { viewer, onOpen, onFail, opener };
}

describe('OneImageAtATime', () => {
  it('opens an image and reports it by key', () => {
    const { viewer, onOpen, opener } = setup();
    opener.show(image('a'));
    expect(viewer.opened).toEqual(['blob:test/1']);
    expect(onOpen).not.toHaveBeenCalled();
    viewer.finish();
    expect(onOpen).toHaveBeenCalledWith('a');
    expect([...live]).toEqual(['blob:test/1']);
  });

  it('never has two opens in flight: requests meanwhile wait, and only the last one is opened', () => {
    const { viewer, onOpen, opener } = setup();
    opener.show(image('a'));
    opener.show(image('b'));
    opener.show(image('c'));
    expect(viewer.opened).toHaveLength(1);
    viewer.finish(); // a lands; c is opened at once, b never
    expect(viewer.opened).toEqual(['blob:test/1', 'blob:test/2']);
    expect(onOpen).not.toHaveBeenCalled();
    viewer.finish();
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen).toHaveBeenCalledWith('c');
    // a's URL is revoked once c replaces it; b never got one.
    expect([...live]).toEqual(['blob:test/2']);
  });

  it('asking again for the image on show, or in flight, does nothing', () => {
    const { viewer, onOpen, opener } = setup();
    opener.show(image('a'));
    opener.show(image('b'));
    opener.show(image('a')); // back to the one in flight before it lands
    viewer.finish();
    expect(viewer.opened).toHaveLength(1);
    expect(onOpen).toHaveBeenCalledWith('a');
    opener.show(image('a'));
    expect(viewer.opened).toHaveLength(1);
  });

  it('showing nothing closes the viewer and lets go of the URL', () => {
    const { viewer, opener } = setup();
    opener.show(image('a'));
    viewer.finish();
    const closesBefore = viewer.closes;
    opener.show(null);
    expect(viewer.closes).toBe(closesBefore + 1);
    expect(live.size).toBe(0);
    opener.show(image('a')); // and the same image can be shown again afterwards
    expect(viewer.opened).toHaveLength(2);
  });

  it('reports a failure by key, and the next image still opens', () => {
    const { viewer, onFail, onOpen, opener } = setup();
    opener.show(image('bad'));
    viewer.finish('open-failed');
    expect(onFail).toHaveBeenCalledWith('bad', 'broken');
    opener.show(image('good'));
    viewer.finish();
    expect(onOpen).toHaveBeenCalledWith('good');
    expect([...live]).toEqual(['blob:test/2']);
  });

  it('dispose stops listening and revokes every URL', () => {
    const { viewer, onOpen, opener } = setup();
    opener.show(image('a'));
    opener.dispose();
    expect(live.size).toBe(0);
    expect([...viewer.handlers.values()].every((set) => set.size === 0)).toBe(true);
    viewer.finish();
    expect(onOpen).not.toHaveBeenCalled();
    opener.show(image('b'));
    expect(viewer.opened).toHaveLength(1);
  });
});
