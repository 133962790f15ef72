/**
 * OpenSeadragon's 2D canvas drawer, taught to draw tiles that are ImageBitmaps as they are.
 *
 * The stock canvas drawer accepts only "context2d" tiles, so OpenSeadragon converts every other
 * kind of tile into a canvas of its own on the main thread before drawing it: for a bitmap of
 * 6000 × 8000 px, a 0.2 s copy that froze the window (measured with a trace; see
 * docs/benchmarks.md). `drawImage` takes an ImageBitmap just as well as a canvas, so this drawer
 * declares "imageBitmap" among its formats and hands the bitmap to the stock drawing code in
 * the shape it reads (`{ canvas }`: the drawing source and its size).
 *
 * Bitmaps are closed as soon as OpenSeadragon drops them from its tile cache (a tile evicted, an
 * image closed), rather than left to the garbage collector: see {@link retainBitmap} for the
 * ones that are not the cache's to close.
 */
import OpenSeadragon from 'openseadragon';

/** Bitmaps whose owner closes them itself, though OpenSeadragon's caches hold them too. */
const retained = new WeakSet<ImageBitmap>();

/**
 * Marks a bitmap as its caller's to close: OpenSeadragon's caches may drop it (one bitmap can be
 * handed to several, the viewer's and the minimap's) without closing it. Call
 * {@link releaseRetained} once nothing can draw it any more.
 */
export function retainBitmap(bitmap: ImageBitmap): void {
  retained.add(bitmap);
}

/** Closes a bitmap marked with {@link retainBitmap}. */
export function releaseRetained(bitmap: ImageBitmap): void {
  retained.delete(bitmap);
  bitmap.close();
}

let destructorLearned = false;

/** Teaches OpenSeadragon (once, for every viewer) to close a bitmap tile when its cache lets go of it. */
function learnBitmapDestructor(): void {
  if (destructorLearned) return;
  destructorLearned = true;
  OpenSeadragon.converter.learnDestroy('imageBitmap', (data: unknown) => {
    if (data instanceof ImageBitmap && !retained.has(data)) data.close();
  });
}

/** What the stock drawer reads of a tile's data: something to draw, with a width and a height. */
interface Drawable {
  canvas: CanvasImageSource & { width: number; height: number };
}

/** The canvas drawer, drawing ImageBitmap tiles directly. Pass the class as the viewer's `drawer`. */
export class BitmapCanvasDrawer extends OpenSeadragon.CanvasDrawer {
  /** One wrapper per bitmap, rather than one per tile drawn per frame. */
  private readonly wrappers = new WeakMap<ImageBitmap, Drawable>();

  constructor(options: OpenSeadragon.DrawerConstructorParameters) {
    learnBitmapDestructor();
    super(options);
  }

  override getSupportedDataFormats(): string[] {
    return ['imageBitmap', 'context2d'];
  }

  override getDataToDraw(tile: OpenSeadragon.Tile): unknown {
    const data: unknown = super.getDataToDraw(tile);
    if (!(data instanceof ImageBitmap)) return data;
    let wrapper = this.wrappers.get(data);
    if (!wrapper) {
      wrapper = { canvas: data };
      this.wrappers.set(data, wrapper);
    }
    return wrapper;
  }
}
