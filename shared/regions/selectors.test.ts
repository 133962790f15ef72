import { describe, expect, it } from 'vitest';
import type { PolygonShape, RectShape } from './region-shape';
import {
  isRegionSelector,
  MEDIA_FRAGMENTS_SPEC,
  regionFromSelectors,
  selectorToShape,
  shapeToSelector,
  shapeToSvgSelector,
} from './selectors';

const scan = { width: 1240, height: 1754 };
const rect = (x: number, y: number, width: number, height: number): RectShape => ({ type: 'rect', x, y, width, height });
const polygon = (...coords: number[]): PolygonShape => {
  const points = [];
  for (let i = 0; i < coords.length; i += 2) points.push({ x: coords[i]!, y: coords[i + 1]! });
  return { type: 'polygon', points };
};
const fragment = (value: string) => ({ type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS_SPEC, value });
const svg = (value: string) => ({ type: 'SvgSelector', value });
const POLYGON_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><polygon points="412,1880 1042,1872 1042,1968 412,1976"/></svg>';
const stampPolygon = polygon(412, 1880, 1042, 1872, 1042, 1968, 412, 1976);

/**
 * Annotations whose targets use the selectors written here, exactly as `shapeToSelector` writes
 * them. Each printed PASS (54/54 MUST assertions) with the W3C test suite's schemas:
 * `node ../shared/w3c-annotation/validate.mjs FILE.json`.
 */
const VALIDATED_ANNOTATIONS = {
  fragment: {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:3b0f4a52-9c1e-4d7a-8e21-6a5d0c9b1f01',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2025-03-01T13:00:00Z',
    body: { type: 'TextualBody', value: 'Stamp of the district office', format: 'text/plain', language: 'en' },
    target: {
      type: 'SpecificResource',
      source: 'urn:uuid:5ca40017-aaaa-4bbb-8ccc-000000000017',
      selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:200,1354,50,300' },
    },
  },
  svg: {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:3b0f4a52-9c1e-4d7a-8e21-6a5d0c9b1f01',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2025-03-01T13:00:00Z',
    body: { type: 'TextualBody', value: 'Stamp of the district office', format: 'text/plain', language: 'en' },
    target: {
      type: 'SpecificResource',
      source: 'urn:uuid:5ca40017-aaaa-4bbb-8ccc-000000000017',
      selector: { type: 'SvgSelector', value: POLYGON_SVG },
    },
  },
};

/** The target selectors of the W3C-passing example d-region-link.json (a polygon and its bounding box). */
const W3C_EXAMPLE_SELECTORS = [
  { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:412,1880,1630,96' },
  { type: 'SvgSelector', value: '<svg xmlns="http://www.w3.org/2000/svg"><polygon points="412,1880 2042,1872 2042,1968 412,1976"/></svg>' },
];

describe('shapeToSelector', () => {
  it('writes the validated selectors exactly', () => {
    expect(shapeToSelector(rect(200, 1354, 50, 300))).toEqual(VALIDATED_ANNOTATIONS.fragment.target.selector);
    expect(shapeToSelector(stampPolygon)).toEqual(VALIDATED_ANNOTATIONS.svg.target.selector);
  });

  it('reads back what it wrote', () => {
    expect(selectorToShape(VALIDATED_ANNOTATIONS.fragment.target.selector)).toEqual(rect(200, 1354, 50, 300));
    expect(selectorToShape(VALIDATED_ANNOTATIONS.svg.target.selector)).toEqual(stampPolygon);
  });

  it('writes whole pixels, widening a rectangle outwards', () => {
    expect(shapeToSelector(rect(10.5, 20.5, 0.6, 30)).value).toBe('xywh=pixel:10,20,2,31');
  });

  it('writes a rectangle touching the edges of the scan and reads it back', () => {
    const whole = rect(0, 0, 1240, 1754);
    expect(shapeToSelector(whole).value).toBe('xywh=pixel:0,0,1240,1754');
    expect(selectorToShape(shapeToSelector(whole))).toEqual(whole);
    expect(selectorToShape(shapeToSvgSelector(whole))).toEqual(whole);
  });

  it('keeps a polygon’s collinear vertices (an extra point along an edge)', () => {
    const withMidpoint = polygon(0, 0, 50, 0, 100, 0, 100, 40, 0, 40);
    expect(selectorToShape(shapeToSelector(withMidpoint))).toEqual(withMidpoint);
  });

  it('refuses to write a shape that is no region or lies partly before the origin', () => {
    expect(() => shapeToSelector(rect(-1, 0, 10, 10))).toThrow(RangeError);
    expect(() => shapeToSelector(rect(0, 0, 0, 10))).toThrow(RangeError);
    expect(() => shapeToSelector(rect(Number.NaN, 0, 10, 10))).toThrow(RangeError);
    expect(() => shapeToSelector(polygon(0, 0, 5, 5, 10, 10))).toThrow(RangeError);
  });
});

describe('shapeToSvgSelector', () => {
  it('writes a rectangle as <rect>, which reads back as the same rectangle', () => {
    const selector = shapeToSvgSelector(rect(200, 1354, 50, 300));
    expect(selector.value).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect x="200" y="1354" width="50" height="300"/></svg>');
    expect(selectorToShape(selector)).toEqual(rect(200, 1354, 50, 300));
  });
});

describe('selectorToShape: fragments', () => {
  it('reads the W3C example, and xywh= without a unit as pixels', () => {
    expect(selectorToShape(W3C_EXAMPLE_SELECTORS[0])).toEqual(rect(412, 1880, 1630, 96));
    expect(selectorToShape(fragment('xywh=160,120,320,240'))).toEqual(rect(160, 120, 320, 240));
  });

  it('reads a fragment without conformsTo, but not one that conforms to something else', () => {
    expect(selectorToShape({ type: 'FragmentSelector', value: 'xywh=pixel:1,2,3,4' })).toEqual(rect(1, 2, 3, 4));
    expect(selectorToShape({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2' })).toBeNull();
    expect(selectorToShape({ type: 'FragmentSelector', conformsTo: 'http://example.org/other', value: 'xywh=pixel:1,2,3,4' })).toBeNull();
  });

  it('widens the decimals some tools write to whole pixels', () => {
    expect(selectorToShape(fragment('xywh=pixel:270.5,212.25,100.5,80'))).toEqual(rect(270, 212, 101, 81));
  });

  it('converts xywh=percent: only when the image size is known', () => {
    expect(selectorToShape(fragment('xywh=percent:10,10,50,50'))).toBeNull();
    // 10 % of 1754 is 175.4 and 60 % is 1052.4: floored and ceiled to 175 and 1053.
    expect(selectorToShape(fragment('xywh=percent:10,10,50,50'), scan)).toEqual(rect(124, 175, 620, 878));
    expect(selectorToShape(fragment('xywh=percent:0,0,100,100'), scan)).toEqual(rect(0, 0, 1240, 1754));
    expect(selectorToShape(fragment('xywh=percent:60,0,50,10'), scan)).toBeNull();
    expect(selectorToShape(fragment('xywh=percent:10,10,50,50'), { width: Number.NaN, height: 5 })).toBeNull();
  });

  it('refuses hostile and malformed values without throwing', () => {
    const values = [
      'xywh=pixel:1,2,-3,4',
      'xywh=pixel:-1,2,3,4',
      'xywh=pixel:1e309,2,3,4',
      `xywh=pixel:${'9'.repeat(400)},2,3,4`,
      'xywh=pixel:NaN,2,3,4',
      'xywh=pixel:Infinity,2,3,4',
      'xywh=pixel:0,0,100001,5',
      'xywh=pixel:99999,0,5,5',
      'xywh=pixel:1,2,0,4',
      'xywh=pixel:1,2,3',
      'xywh=pixel:1,2,3,4,5',
      'xywh=pixel:1, 2, 3, 4',
      ' xywh=pixel:1,2,3,4',
      'xywh=pixel:0x10,2,3,4',
      'xywh=pixel:.5,2,3,4',
      'xywh=em:1,2,3,4',
      'xywh=PIXEL:1,2,3,4',
      'XYWH=1,2,3,4',
      't=10,20&xywh=pixel:1,2,3,4',
      'xywh=pixel:1,2,3,4&t=10',
      '#xywh=pixel:1,2,3,4',
      '',
    ];
    for (const value of values) expect(selectorToShape(fragment(value)), value).toBeNull();
  });

  it('refuses what is not a readable selector object', () => {
    const selectors: unknown[] = [
      null,
      undefined,
      'xywh=pixel:1,2,3,4',
      [fragment('xywh=pixel:1,2,3,4')],
      { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS_SPEC, value: 12 },
      { type: 'TextQuoteSelector', exact: 'xywh=pixel:1,2,3,4' },
      { ...fragment('xywh=pixel:1,2,3,4'), refinedBy: { type: 'SvgSelector', value: POLYGON_SVG } },
      { type: 'SvgSelector', id: 'http://example.org/region.svg' },
    ];
    for (const s of selectors) expect(selectorToShape(s)).toBeNull();
  });
});

describe('selectorToShape: SVG', () => {
  it('reads the W3C example polygon', () => {
    expect(selectorToShape(W3C_EXAMPLE_SELECTORS[1])).toEqual(polygon(412, 1880, 2042, 1872, 2042, 1968, 412, 1976));
  });

  it('reads the forms other tools write', () => {
    const expected = polygon(10, 10, 110, 10, 60, 90);
    const forms = [
      // Annotorious: no namespace, an explicit end tag.
      '<svg><polygon points="10,10 110,10 60,90"></polygon></svg>',
      "<svg xmlns='http://www.w3.org/2000/svg'><polygon points='10 10 110 10 60 90'/></svg>",
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg">\n  <polygon points="10,10, 110,10, 60,90, 10,10" fill="none" stroke="red" class="region"/>\n</svg>\n',
      '<svg><polygon points="10.2,9.8 110,10 60,90.4"/></svg>',
      '<svg><path d="M10,10 L110,10 L60,90 Z"/></svg>',
      '<svg><path d="M 10 10 110 10 60 90 Z"></path></svg>',
      '<svg><path d="M10 10L110 10 60 90"/></svg>',
      '<svg><polygon points="1e1,1e1 1.1e2,10 60,90"/></svg>',
    ];
    for (const value of forms) expect(selectorToShape(svg(value)), value).toEqual(expected);
  });

  it('reads <rect>, whose x and y default to 0', () => {
    expect(selectorToShape(svg('<svg><rect x="5" y="6" width="7" height="8"/></svg>'))).toEqual(rect(5, 6, 7, 8));
    expect(selectorToShape(svg('<svg><rect width="7" height="8" rx="2"/></svg>'))).toEqual(rect(0, 0, 7, 8));
    expect(selectorToShape(svg('<svg><rect x="5" y="6" width="7"/></svg>'))).toBeNull();
    expect(selectorToShape(svg('<svg><rect x="5" y="6" width="50%" height="8"/></svg>'))).toBeNull();
    expect(selectorToShape(svg('<svg><rect x="5px" y="6" width="7" height="8"/></svg>'))).toBeNull();
  });

  it('re-serialises an accepted SVG from its numbers alone', () => {
    const shape = selectorToShape(svg('<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><polygon class="x" style="fill:url(javascript:alert(1))" points="412,1880 1042,1872 1042,1968 412,1976"/></svg>'));
    expect(shapeToSelector(shape!)).toEqual({ type: 'SvgSelector', value: POLYGON_SVG });
  });

  it('refuses a document carrying script or anything besides one shape, rather than picking the shape out', () => {
    const hostile = [
      '<svg><script>alert(1)</script><polygon points="10,10 110,10 60,90"/></svg>',
      '<svg><polygon points="10,10 110,10 60,90"/><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"><polygon points="10,10 110,10 60,90"/></svg>',
      '<svg><polygon ONCLICK="alert(1)" points="10,10 110,10 60,90"/></svg>',
      '<svg><foreignObject><div>x</div></foreignObject><polygon points="10,10 110,10 60,90"/></svg>',
      '<svg><polygon points="10,10 110,10 60,90"/><polygon points="0,0 5,0 0,5"/></svg>',
      '<svg><!-- note --><polygon points="10,10 110,10 60,90"/></svg>',
      '<svg><![CDATA[x]]><polygon points="10,10 110,10 60,90"/></svg>',
      '<!DOCTYPE svg [<!ENTITY p "10,10 110,10 60,90">]><svg><polygon points="&p;"/></svg>',
      '<svg><polygon points="&#49;0,10 110,10 60,90"/></svg>',
      '<svg>hello<polygon points="10,10 110,10 60,90"/></svg>',
      '<svg><g><polygon points="10,10 110,10 60,90"/></g></svg>',
      '<svg><polygon points="10,10 110,10 60,90"><animate attributeName="points" to="0,0 1,1 2,0"/></polygon></svg>',
      '<svg><polygon points="10,10 110,10 60,90" transform="scale(2)"/></svg>',
      '<svg viewBox="0 0 10 10"><polygon points="10,10 110,10 60,90"/></svg>',
      '<svg xmlns="http://www.w3.org/1999/xhtml"><polygon points="10,10 110,10 60,90"/></svg>',
      '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:polygon points="10,10 110,10 60,90"/></svg:svg>',
      '<polygon points="10,10 110,10 60,90"/>',
      '<svg><polygon points="10,10 110,10 60,90"/>',
      '<svg><polygon points="10,10 110,10 60,90"></svg>',
      '<svg><polygon points="10,10 110,10 60,90"></rect></svg>',
      '<svg><polygon points="10,10 110,10 60,90" points="0,0 1,1 2,0"/></svg>',
      '<svg><polygon points="10,10 110,10 60,90"/></svg><script>alert(1)</script>',
      '<SVG><polygon points="10,10 110,10 60,90"/></SVG>',
      '<svg><circle cx="5" cy="5" r="5"/></svg>',
      '<svg><polyline points="10,10 110,10 60,90"/></svg>',
      '<svg></svg>',
      '<svg/>',
      '',
    ];
    for (const value of hostile) expect(selectorToShape(svg(value)), value).toBeNull();
  });

  it('refuses bad coordinates in polygon points', () => {
    const bad = [
      '10,10 110,10',
      '10,10 110,10 60',
      '10,10 110,10 60,-90',
      '10,10 110,10 60,1e309',
      '10,10 110,10 60,NaN',
      '10,10 110,10 60,100001',
      '10,,10 110,10 60,90',
      '10px,10 110,10 60,90',
      '10,10 20,20 30,30',
      '',
    ];
    for (const points of bad) expect(selectorToShape(svg(`<svg><polygon points="${points}"/></svg>`)), points).toBeNull();
  });

  it('refuses path data other than one subpath of absolute M, L and Z', () => {
    const bad = [
      'M10,10 C20,20 30,30 60,90 Z',
      'm10,10 l100,0 l-50,80 z',
      'M10,10 H110 V90 Z',
      'M10,10 L110,10 L60,90 Z M200,200 L300,200 L250,290 Z',
      'M10,10 L110,10 L60,90 Z L5,5',
      'L110,10 L60,90 Z',
      'M10,10 L110 Z',
      'M10,10 A5,5 0 0 1 60,90 Z',
    ];
    for (const d of bad) expect(selectorToShape(svg(`<svg><path d="${d}"/></svg>`)), d).toBeNull();
  });

  it('gives up quickly on huge or pathological input', () => {
    const started = Date.now();
    expect(selectorToShape(svg(`<svg${' '.repeat(200_000)}x`))).toBeNull();
    expect(selectorToShape(svg(`<svg><polygon points="${'1,1 '.repeat(100_000)}"/></svg>`))).toBeNull();
    expect(selectorToShape(svg(`<svg><polygon points="${'1,1 '.repeat(20_000)}0,5 5,0"/></svg>`))).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('regionFromSelectors', () => {
  it('prefers the SVG polygon to its bounding box when a target offers both', () => {
    expect(regionFromSelectors(W3C_EXAMPLE_SELECTORS)).toEqual(polygon(412, 1880, 2042, 1872, 2042, 1968, 412, 1976));
  });

  it('falls back to what it can read, and takes a single selector too', () => {
    expect(regionFromSelectors([svg('<svg><script/></svg>'), W3C_EXAMPLE_SELECTORS[0]])).toEqual(rect(412, 1880, 1630, 96));
    expect(regionFromSelectors(fragment('xywh=percent:0,0,50,50'), scan)).toEqual(rect(0, 0, 620, 877));
    expect(regionFromSelectors([{ type: 'TextQuoteSelector', exact: 'x' }])).toBeNull();
    expect(regionFromSelectors(undefined)).toBeNull();
  });
});

describe('isRegionSelector', () => {
  it('accepts what this module writes and the W3C example', () => {
    expect(isRegionSelector(shapeToSelector(rect(1, 2, 3, 4)))).toBe(true);
    expect(isRegionSelector(shapeToSelector(stampPolygon))).toBe(true);
    for (const s of W3C_EXAMPLE_SELECTORS) expect(isRegionSelector(s)).toBe(true);
  });

  it('accepts a percent fragment, whose size comes later', () => {
    expect(isRegionSelector(fragment('xywh=percent:10,10,50,50'))).toBe(true);
  });

  it('refuses unreadable selectors, other selectors, and fragments without conformsTo', () => {
    for (const value of [
      null,
      'xywh=pixel:1,2,3,4',
      fragment('xywh=pixel:1,2,-3,4'),
      svg('<svg><script>alert(1)</script><polygon points="10,10 110,10 60,90"/></svg>'),
      { type: 'TextPositionSelector', start: 1, end: 2 },
      { type: 'FragmentSelector', value: 'xywh=pixel:1,2,3,4' },
    ]) {
      expect(isRegionSelector(value)).toBe(false);
    }
  });
});
