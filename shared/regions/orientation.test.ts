import { describe, expect, it } from 'vitest';
import {
  displaySize,
  displayToImage,
  imageToDisplay,
  isOrientation,
  ROTATIONS,
  shapeFromDisplay,
  shapeToDisplay,
  UPRIGHT,
  type Orientation,
} from './orientation';
import { clampToImage, roundShape, type PolygonShape, type RectShape } from './region-shape';
import { selectorToShape, shapeToSelector, shapeToSvgSelector } from './selectors';

/** An A4 page scanned at 150 dpi, portrait. */
const scan = { width: 1240, height: 1754 };
const rect = (x: number, y: number, width: number, height: number): RectShape => ({ type: 'rect', x, y, width, height });
const ALL: Orientation[] = ROTATIONS.flatMap((rotation) => [false, true].map((flipped) => ({ rotation, flipped })));
const label = (o: Orientation) => `${o.rotation}°${o.flipped ? ' flipped' : ''}`;

describe('displaySize', () => {
  it('swaps width and height under a quarter turn, mirror or not', () => {
    expect(displaySize(scan, UPRIGHT)).toEqual(scan);
    expect(displaySize(scan, { rotation: 90, flipped: true })).toEqual({ width: 1754, height: 1240 });
    expect(displaySize(scan, { rotation: 180, flipped: false })).toEqual(scan);
    expect(displaySize(scan, { rotation: 270, flipped: false })).toEqual({ width: 1754, height: 1240 });
  });
});

describe('imageToDisplay', () => {
  const topLeft = { x: 0, y: 0 };

  it('turns clockwise: at 90° the image’s top-left corner is at the top right of the screen', () => {
    expect(imageToDisplay(topLeft, scan, { rotation: 90, flipped: false })).toEqual({ x: 1754, y: 0 });
    expect(imageToDisplay(topLeft, scan, { rotation: 180, flipped: false })).toEqual({ x: 1240, y: 1754 });
    expect(imageToDisplay(topLeft, scan, { rotation: 270, flipped: false })).toEqual({ x: 0, y: 1240 });
  });

  it('mirrors after turning, left–right on screen (as OpenSeadragon’s setFlip does)', () => {
    expect(imageToDisplay(topLeft, scan, { rotation: 0, flipped: true })).toEqual({ x: 1240, y: 0 });
    // Turned to the top right, then mirrored to the top left: 90° and a mirror transpose the image.
    expect(imageToDisplay(topLeft, scan, { rotation: 90, flipped: true })).toEqual({ x: 0, y: 0 });
    expect(imageToDisplay({ x: 30, y: 700 }, scan, { rotation: 90, flipped: true })).toEqual({ x: 700, y: 30 });
    // 180° and a mirror turn the page upside down without reversing it left to right.
    expect(imageToDisplay({ x: 30, y: 700 }, scan, { rotation: 180, flipped: true })).toEqual({ x: 30, y: 1054 });
  });

  it('agrees with OpenSeadragon’s model: Point.rotate about the centre, then the canvas mirrored about its middle', () => {
    // OpenSeadragon turns viewport points with Point.rotate(degrees, centre) (clockwise on a
    // y-down screen) and, when flipped, mirrors the drawing canvas about its vertical centre line.
    const centre = { x: scan.width / 2, y: scan.height / 2 };
    const osdRotate = (p: { x: number; y: number }, degrees: number) => {
      const cos = Math.round(Math.cos((degrees * Math.PI) / 180));
      const sin = Math.round(Math.sin((degrees * Math.PI) / 180));
      return { x: cos * (p.x - centre.x) - sin * (p.y - centre.y) + centre.x, y: sin * (p.x - centre.x) + cos * (p.y - centre.y) + centre.y };
    };
    for (const o of ALL) {
      const size = displaySize(scan, o);
      for (const p of [{ x: 0, y: 0 }, { x: 30, y: 700 }, { x: 1240, y: 10 }]) {
        let q = osdRotate(p, o.rotation);
        if (o.flipped) q = { x: 2 * centre.x - q.x, y: q.y };
        // Measured from the top-left corner of the turned picture, which shares the image's centre.
        const expected = { x: q.x - (centre.x - size.width / 2), y: q.y - (centre.y - size.height / 2) };
        expect(imageToDisplay(p, scan, o), label(o)).toEqual(expected);
      }
    }
  });

  it('is exactly undone by displayToImage in every orientation', () => {
    const points = [{ x: 0, y: 0 }, { x: 1240, y: 1754 }, { x: 17.25, y: 903.5 }, { x: 1239, y: 1 }];
    for (const o of ALL) {
      for (const p of points) {
        expect(displayToImage(imageToDisplay(p, scan, o), scan, o), label(o)).toEqual(p);
        expect(imageToDisplay(displayToImage(p, scan, o), scan, o), label(o)).toEqual(p);
      }
    }
  });
});

describe('a rectangle drawn on the displayed scan', () => {
  // Drawn on screen from (100, 200) to (400, 250): a wide strip near the top left of what the user sees.
  const drawn = rect(100, 200, 300, 50);
  /** Worked out by hand from the picture of each orientation. */
  const expected: Record<string, RectShape> = {
    '0°': rect(100, 200, 300, 50),
    // The left edge of the screen shows the image's bottom edge; screen x runs up the image.
    '90°': rect(200, 1754 - 400, 50, 300),
    '180°': rect(1240 - 400, 1754 - 250, 300, 50),
    // The left edge of the screen shows the image's top edge; screen y runs leftwards across the image.
    '270°': rect(1240 - 250, 100, 50, 300),
    '0° flipped': rect(1240 - 400, 200, 300, 50),
    // The transpose: screen x is image y and screen y is image x.
    '90° flipped': rect(200, 100, 50, 300),
    '180° flipped': rect(100, 1754 - 250, 300, 50),
    '270° flipped': rect(1240 - 250, 1754 - 400, 50, 300),
  };

  it('becomes the expected rectangle of image pixels', () => {
    for (const o of ALL) expect(shapeFromDisplay(drawn, scan, o), label(o)).toEqual(expected[label(o)]);
    expect(expected['90°']).toEqual(rect(200, 1354, 50, 300));
    expect(expected['270°']).toEqual(rect(990, 100, 50, 300));
    expect(expected['90° flipped']).toEqual(rect(200, 100, 50, 300));
  });

  it('survives FragmentSelector and SvgSelector and comes back to where it was drawn', () => {
    for (const o of ALL) {
      const stored = clampToImage(roundShape(shapeFromDisplay(drawn, scan, o)), scan)!;
      const fragment = shapeToSelector(stored as RectShape);
      expect(fragment.type).toBe('FragmentSelector');
      const fromFragment = selectorToShape(fragment)!;
      const svg = shapeToSvgSelector(fromFragment);
      const fromSvg = selectorToShape(svg)!;
      expect(fromSvg, label(o)).toEqual(expected[label(o)]);
      expect(shapeToDisplay(fromSvg, scan, o), label(o)).toEqual(drawn);
    }
  });

  it('stays a rectangle that covers the whole screen when it covers the whole scan', () => {
    for (const o of ALL) {
      const size = displaySize(scan, o);
      expect(shapeToDisplay(rect(0, 0, 1240, 1754), scan, o), label(o)).toEqual(rect(0, 0, size.width, size.height));
    }
  });

  it('drawn at a fractional zoom, is widened to whole pixels that still contain it', () => {
    const o: Orientation = { rotation: 90, flipped: false };
    const stored = roundShape(shapeFromDisplay(rect(100.4, 200.6, 299.3, 49.1), scan, o));
    expect(stored).toEqual(rect(200, 1354, 50, 300));
  });
});

describe('a polygon drawn on the displayed scan', () => {
  const drawn: PolygonShape = { type: 'polygon', points: [{ x: 10, y: 10 }, { x: 300, y: 40 }, { x: 280, y: 200 }, { x: 30, y: 150 }] };

  it('keeps its vertices in order and comes back through an SvgSelector in every orientation', () => {
    for (const o of ALL) {
      const stored = roundShape(shapeFromDisplay(drawn, scan, o));
      const back = selectorToShape(shapeToSelector(stored));
      expect(back, label(o)).toEqual(stored);
      expect(shapeToDisplay(back!, scan, o), label(o)).toEqual(drawn);
    }
  });

  it('lands on the image where the hand-made conversion puts it at 270°', () => {
    const stored = shapeFromDisplay(drawn, scan, { rotation: 270, flipped: false });
    expect(stored.points).toEqual([{ x: 1230, y: 10 }, { x: 1200, y: 300 }, { x: 1040, y: 280 }, { x: 1090, y: 30 }]);
  });
});

describe('isOrientation', () => {
  it('accepts the eight orientations and nothing else', () => {
    for (const o of ALL) expect(isOrientation(o)).toBe(true);
    for (const v of [null, {}, { rotation: 45, flipped: false }, { rotation: 90 }, { rotation: '90', flipped: false }]) {
      expect(isOrientation(v)).toBe(false);
    }
  });
});
