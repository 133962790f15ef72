/**
 * Regions of a scan as W3C Web Annotation selectors, and back.
 *
 * A rectangle is written as a Media Fragments `FragmentSelector` (`xywh=pixel:x,y,w,h`), which
 * every annotation tool reads; a polygon as an `SvgSelector` holding one `<polygon>`. Both are
 * in the image's own pixels (see orientation.ts for the displayed frame).
 *
 * Selectors read back come from packs other people made, so reading is strict and never
 * throws: anything not understood exactly returns null, and the caller shows the annotation
 * without a region rather than a region in the wrong place.
 *
 * SVG is read without a DOM by a small tokenizer that accepts exactly one `<svg>` root holding
 * exactly one `<polygon points>`, `<rect x y width height>` or `<path d>` whose path uses only
 * absolute M, L and Z. Nothing of the input is kept: `shapeToSelector` always writes the SVG
 * afresh from numbers, so no markup from a pack can reach the page through a region. Beyond
 * that, a value carrying anything else is refused outright rather than picked apart:
 * `<script>`, `<foreignObject>`, a second shape, text, comments, CDATA, a DOCTYPE (entity
 * tricks), an event-handler attribute (`onload=…`) or a `transform`/`viewBox` that would move
 * the geometry. Extracting "the polygon" from such a document would mean guessing which part
 * the author meant, and a pack carrying script is not one whose geometry we should trust.
 * Other attributes (`fill`, `stroke`, `class`, `style`, `width`, …) are ignored: nothing but
 * the numbers of the shape is ever kept, so they cannot reach the page.
 */
import { roundShape, isValidShape, type ImageSize, type PolygonShape, type RectShape, type RegionShape } from './region-shape';

/** The `conformsTo` of a Media Fragments selector, as the Web Annotation model names it. */
export const MEDIA_FRAGMENTS_SPEC = 'http://www.w3.org/TR/media-frags/';

/** The namespace an SvgSelector's root element is in. */
export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * The largest coordinate accepted from a selector, in pixels. The biggest scans of a folio at
 * 1200 dpi are around 20 000 pixels on a side; a value beyond this is a mistake or an attempt to
 * make the viewer allocate something huge.
 */
export const MAX_REGION_COORDINATE = 100_000;

/** The most vertices accepted in an imported polygon (a traced seal outline needs a few hundred). */
export const MAX_POLYGON_POINTS = 10_000;

/** The longest SvgSelector value read at all, in characters: enough for MAX_POLYGON_POINTS vertices. */
export const MAX_SVG_SELECTOR_LENGTH = 256 * 1024;

/** A rectangle in Media Fragments syntax: `xywh=pixel:x,y,w,h`. */
export interface FragmentSelector {
  type: 'FragmentSelector';
  conformsTo: typeof MEDIA_FRAGMENTS_SPEC;
  value: string;
}

/** A region as an SVG document: `<svg xmlns="http://www.w3.org/2000/svg"><polygon points="…"/></svg>`. */
export interface SvgSelector {
  type: 'SvgSelector';
  value: string;
}

/** A selector that describes a region of an image. */
export type RegionSelector = FragmentSelector | SvgSelector;

/**
 * The selector a region is stored as: a rectangle as a FragmentSelector, a polygon as an
 * SvgSelector. The shape is put on whole pixels first (`roundShape`), since Media Fragments
 * pixel values are integers. Throws a RangeError for a shape that is not valid after rounding
 * or has negative or absurd coordinates: callers clamp to the image and check with
 * `isValidShape` before saving, so this is a programming error, not a user's.
 */
export function shapeToSelector(shape: RectShape): FragmentSelector;
export function shapeToSelector(shape: PolygonShape): SvgSelector;
export function shapeToSelector(shape: RegionShape): RegionSelector;
export function shapeToSelector(shape: RegionShape): RegionSelector {
  const rounded = writableShape(shape);
  if (rounded.type === 'polygon') return shapeToSvgSelector(rounded);
  const { x, y, width, height } = rounded;
  return { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS_SPEC, value: `xywh=pixel:${x},${y},${width},${height}` };
}

/**
 * The region as an SvgSelector whatever its kind (a rectangle as `<rect>`), for writing an SVG
 * alternative beside the FragmentSelector, as tools that only read SVG expect.
 */
export function shapeToSvgSelector(shape: RegionShape): SvgSelector {
  const rounded = writableShape(shape);
  const element =
    rounded.type === 'rect'
      ? `<rect x="${rounded.x}" y="${rounded.y}" width="${rounded.width}" height="${rounded.height}"/>`
      : `<polygon points="${rounded.points.map((p) => `${p.x},${p.y}`).join(' ')}"/>`;
  return { type: 'SvgSelector', value: `<svg xmlns="${SVG_NAMESPACE}">${element}</svg>` };
}

/** The shape on whole pixels, or a RangeError if it cannot be written as a selector. */
function writableShape(shape: RegionShape): RegionShape {
  // Rounded before the check: a rectangle drawn 0.6 pixels wide becomes a valid 1-pixel one.
  const rounded = roundShape(shape);
  if (!isValidShape(rounded) || !withinLimits(rounded)) {
    throw new RangeError(`Cannot write region ${JSON.stringify(shape)} as a selector.`);
  }
  return rounded;
}

/** Whether every coordinate of the shape lies in [0, MAX_REGION_COORDINATE]. */
function withinLimits(shape: RegionShape): boolean {
  const inRange = (v: number) => v >= 0 && v <= MAX_REGION_COORDINATE;
  if (shape.type === 'rect') return inRange(shape.x) && inRange(shape.y) && inRange(shape.x + shape.width) && inRange(shape.y + shape.height);
  return shape.points.length <= MAX_POLYGON_POINTS && shape.points.every((p) => inRange(p.x) && inRange(p.y));
}

/**
 * The region a selector describes, on whole pixels, or null when the selector is not one this
 * reads exactly (see the module comment). `imageSize` is needed only for `xywh=percent:`
 * fragments, which are refused without it. The result is not clipped to the image: callers do
 * that with `clampToImage` when they know the scan.
 */
export function selectorToShape(selector: unknown, imageSize?: ImageSize): RegionShape | null {
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) return null;
  const { type, value, conformsTo, refinedBy } = selector as Record<string, unknown>;
  // A refinement narrows the region further in some way of its own; reading the outer selector
  // alone would mark too much of the page.
  if (refinedBy !== undefined || typeof value !== 'string') return null;
  let shape: RegionShape | null = null;
  if (type === 'FragmentSelector') {
    if (conformsTo !== undefined && conformsTo !== MEDIA_FRAGMENTS_SPEC) return null;
    const fragment = parseMediaFragment(value);
    if (!fragment) return null;
    if (fragment.unit === 'pixel') shape = { type: 'rect', x: fragment.x, y: fragment.y, width: fragment.w, height: fragment.h };
    else if (imageSize && isImageSize(imageSize)) {
      const { width: iw, height: ih } = imageSize;
      shape = { type: 'rect', x: (fragment.x * iw) / 100, y: (fragment.y * ih) / 100, width: (fragment.w * iw) / 100, height: (fragment.h * ih) / 100 };
    }
  } else if (type === 'SvgSelector') {
    shape = parseSvgShape(value);
  }
  if (!shape) return null;
  const rounded = roundShape(shape);
  return isValidShape(rounded) && withinLimits(rounded) ? rounded : null;
}

/**
 * The region of the first selector that describes one, from a target's `selector` (a single
 * selector or an array of alternatives). An SvgSelector is preferred: when a pack offers both,
 * as the W3C example does, the FragmentSelector is the polygon's bounding box.
 */
export function regionFromSelectors(selectors: unknown, imageSize?: ImageSize): RegionShape | null {
  const list: unknown[] = Array.isArray(selectors) ? selectors : [selectors];
  const isSvg = (s: unknown) => typeof s === 'object' && s !== null && (s as { type?: unknown }).type === 'SvgSelector';
  for (const s of [...list.filter(isSvg), ...list.filter((s) => !isSvg(s))]) {
    const shape = selectorToShape(s, imageSize);
    if (shape) return shape;
  }
  return null;
}

/**
 * Whether a value is a FragmentSelector or SvgSelector this module can read. A `percent`
 * fragment counts, though turning it into a shape needs the image's size. Being a type guard
 * for the shapes above, it wants a FragmentSelector's `conformsTo`, which `selectorToShape` is
 * lenient about (the model only says it SHOULD be there).
 */
export function isRegionSelector(value: unknown): value is RegionSelector {
  if (typeof value !== 'object' || value === null) return false;
  const { type, conformsTo } = value as { type?: unknown; conformsTo?: unknown };
  if (type === 'FragmentSelector') {
    // Any image size will do to tell whether the fragment itself is readable.
    return conformsTo === MEDIA_FRAGMENTS_SPEC && selectorToShape(value, { width: MAX_REGION_COORDINATE, height: MAX_REGION_COORDINATE }) !== null;
  }
  return type === 'SvgSelector' && selectorToShape(value) !== null;
}

function isImageSize(size: ImageSize): boolean {
  const ok = (v: number) => Number.isFinite(v) && v > 0 && v <= MAX_REGION_COORDINATE;
  return ok(size.width) && ok(size.height);
}

// ---------------------------------------------------------------------------------------------
// Media Fragments

interface MediaFragment {
  unit: 'pixel' | 'percent';
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * `xywh=[unit:]x,y,w,h` with unit `pixel` (the default, per the Media Fragments spec) or
 * `percent`. The spec's grammar allows only digits; plain decimals (`12.5`) are accepted too
 * because some annotation tools write them, and are widened to whole pixels later. Signs,
 * exponents, spaces, other dimensions (`t=`, `&…`) and other units are refused. A width or
 * height of zero describes nothing; a percent region must lie within the image.
 */
function parseMediaFragment(value: string): MediaFragment | null {
  if (value.length > 200) return null;
  const match = /^xywh=(?:(pixel|percent):)?(\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) return null;
  const unit = match[1] === 'percent' ? 'percent' : 'pixel';
  const [x, y, w, h] = match.slice(2).map(Number) as [number, number, number, number];
  if (!(w > 0 && h > 0)) return null;
  const limit = unit === 'percent' ? 100 : MAX_REGION_COORDINATE;
  if (!(x + w <= limit && y + h <= limit)) return null;
  return { unit, x, y, w, h };
}

// ---------------------------------------------------------------------------------------------
// SVG

interface Tag {
  kind: 'open' | 'close' | 'empty';
  name: string;
  attributes: Map<string, string>;
}

/** Attributes that would move or rescale the geometry, which this reader does not apply. */
const GEOMETRY_ATTRIBUTES = new Set(['transform', 'viewBox']);

/** The one shape an SVG document holds, or null (see the module comment for what is refused). */
function parseSvgShape(value: string): RegionShape | null {
  if (value.length > MAX_SVG_SELECTOR_LENGTH) return null;
  const tags = tokenizeSvg(value);
  if (!tags) return null;
  const [root, shape, shapeClose, rootClose, ...rest] = tags;
  if (rest.length > 0 || !root || root.kind !== 'open' || root.name !== 'svg') return null;
  const xmlns = root.attributes.get('xmlns');
  // A different default namespace would make the children something other than SVG elements.
  if (xmlns !== undefined && xmlns !== SVG_NAMESPACE) return null;
  if (!shape) return null;
  const closedSelf = shape.kind === 'empty' && shapeClose?.kind === 'close' && shapeClose.name === 'svg' && !rootClose;
  const closedByTag =
    shape.kind === 'open' && shapeClose?.kind === 'close' && shapeClose.name === shape.name &&
    rootClose?.kind === 'close' && rootClose.name === 'svg';
  if (!closedSelf && !closedByTag) return null;
  const attributes = shape.attributes;
  switch (shape.name) {
    case 'polygon': {
      const points = attributes.get('points');
      return points === undefined ? null : polygonFromNumbers(parseNumberList(points));
    }
    case 'path': {
      const d = attributes.get('d');
      return d === undefined ? null : parsePathData(d);
    }
    case 'rect': {
      const x = parseSingleNumber(attributes.get('x') ?? '0');
      const y = parseSingleNumber(attributes.get('y') ?? '0');
      const width = parseSingleNumber(attributes.get('width') ?? '');
      const height = parseSingleNumber(attributes.get('height') ?? '');
      if (x === null || y === null || width === null || height === null) return null;
      return { type: 'rect', x, y, width, height };
    }
    default:
      return null;
  }
}

/**
 * The tags of a small XML document, or null when it holds anything besides tags and the
 * whitespace between them (an XML declaration at the very start excepted). Written by hand
 * rather than as one regular expression so that its running time stays linear in hostile input.
 */
function tokenizeSvg(source: string): Tag[] | null {
  let pos = 0;
  const skipSpace = () => {
    while (pos < source.length && isSpace(source.charCodeAt(pos))) pos++;
  };
  skipSpace();
  const declaration = /^<\?xml\s[^<>?]{0,200}\?>/.exec(source.slice(pos, pos + 256));
  if (declaration) pos += declaration[0].length;
  const tags: Tag[] = [];
  for (;;) {
    skipSpace();
    if (pos === source.length) return tags;
    // Only elements: text, comments, CDATA, DOCTYPE and processing instructions are refused.
    if (source[pos] !== '<' || tags.length >= 4) return null;
    pos++;
    let kind: Tag['kind'] = 'open';
    if (source[pos] === '/') {
      kind = 'close';
      pos++;
    }
    const name = readName();
    if (!name) return null;
    const attributes = new Map<string, string>();
    for (;;) {
      const spaced = pos < source.length && isSpace(source.charCodeAt(pos));
      skipSpace();
      if (source.startsWith('/>', pos) && kind === 'open') {
        kind = 'empty';
        pos += 2;
        break;
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      // XML requires white space before each attribute; closing tags have none.
      if (!spaced || kind === 'close') return null;
      const attribute = readName();
      if (!attribute) return null;
      skipSpace();
      if (source[pos] !== '=') return null;
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") return null;
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) return null;
      const attributeValue = source.slice(pos + 1, end);
      pos = end + 1;
      if (attributeValue.includes('<') || attributes.has(attribute)) return null;
      if (/^on/i.test(attribute) || GEOMETRY_ATTRIBUTES.has(attribute)) return null;
      attributes.set(attribute, attributeValue);
    }
    tags.push({ kind, name, attributes });
  }

  function readName(): string | null {
    const match = /[A-Za-z_][\w:.-]*/y;
    match.lastIndex = pos;
    const found = match.exec(source);
    if (!found) return null;
    pos = match.lastIndex;
    return found[0];
  }
}

/** XML white space: space, tab, carriage return, line feed. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;
}

/** An SVG number: sign, digits, fraction, exponent. Range checks come after. */
const SVG_NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;

/**
 * A reader over an SVG attribute value: numbers separated by white space and at most one
 * comma, and, in path data, single-letter commands.
 */
class SvgScanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  /** Skips white space and at most one comma (SVG's "comma-wsp"). */
  skipSeparator(): void {
    this.skipSpace();
    if (this.text[this.pos] === ',') {
      this.pos++;
      this.skipSpace();
    }
  }

  skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  advance(): void {
    this.pos++;
  }

  /** The next number, or null when there is none or it is not a finite, non-negative coordinate in range. */
  number(): number | null {
    SVG_NUMBER.lastIndex = this.pos;
    const found = SVG_NUMBER.exec(this.text);
    if (!found) return null;
    this.pos = SVG_NUMBER.lastIndex;
    const value = Number(found[0]);
    return Number.isFinite(value) && value >= 0 && value <= MAX_REGION_COORDINATE ? value : null;
  }

  /** Whether a number starts here (after separators have been skipped). */
  atNumber(): boolean {
    const c = this.peek();
    return c !== undefined && /[0-9.+-]/.test(c);
  }
}

/** A whole attribute value that is one coordinate (no units, no percentages). */
function parseSingleNumber(text: string): number | null {
  const scanner = new SvgScanner(text);
  scanner.skipSpace();
  const value = scanner.number();
  scanner.skipSpace();
  return value !== null && scanner.atEnd() ? value : null;
}

/** A `points` list of coordinates, or null if anything in it is not a coordinate. */
function parseNumberList(text: string): number[] | null {
  const scanner = new SvgScanner(text);
  const numbers: number[] = [];
  scanner.skipSpace();
  while (!scanner.atEnd()) {
    const value = scanner.number();
    if (value === null || numbers.length >= 2 * MAX_POLYGON_POINTS) return null;
    numbers.push(value);
    scanner.skipSeparator();
  }
  return numbers;
}

/** Pairs of numbers as a polygon (a closing repeat of the first point is dropped later, by `roundShape`). */
function polygonFromNumbers(numbers: number[] | null): PolygonShape | null {
  if (!numbers || numbers.length % 2 !== 0) return null;
  const points = [];
  for (let i = 0; i < numbers.length; i += 2) points.push({ x: numbers[i]!, y: numbers[i + 1]! });
  return { type: 'polygon', points };
}

/**
 * Path data of one closed or open subpath in absolute moveto/lineto only: `M x y L x y … Z`,
 * with the implicit linetos SVG allows after a moveto's first pair. Curves, relative commands,
 * H/V and a second subpath are refused: they are not a polygon.
 */
function parsePathData(d: string): PolygonShape | null {
  const scanner = new SvgScanner(d);
  const numbers: number[] = [];
  scanner.skipSpace();
  if (scanner.peek() !== 'M') return null;
  let closed = false;
  while (!scanner.atEnd()) {
    const command = scanner.peek();
    if (closed) return null; // anything after Z would start another subpath
    if (command === 'Z') {
      closed = true;
      scanner.advance();
      scanner.skipSpace();
      continue;
    }
    if ((command === 'M' && numbers.length > 0) || (command !== 'M' && command !== 'L')) return null;
    scanner.advance();
    scanner.skipSpace();
    // One or more coordinate pairs follow each command.
    do {
      const x = scanner.number();
      scanner.skipSeparator();
      const y = scanner.number();
      if (x === null || y === null || numbers.length >= 2 * MAX_POLYGON_POINTS) return null;
      numbers.push(x, y);
      scanner.skipSeparator();
    } while (scanner.atNumber());
  }
  return polygonFromNumbers(numbers);
}
