/**
 * Regions on the scan: drawn over the viewer as SVG, following the image through zoom, pan,
 * rotation and mirroring; new regions drawn by dragging (rectangle) or clicking points
 * (polygon); a selected rectangle moved or resized by its handles, a selected polygon moved or
 * reshaped by dragging its vertices (Alt-click a vertex to remove it).
 *
 * Shapes are kept in the scan's own pixels; only this layer knows about the screen.
 */
import type OpenSeadragon from 'openseadragon';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationKind } from '../../shared/annotation';
import { displayToImage, imageToDisplay, shapeFromDisplay, shapeToDisplay, type Orientation } from '../../shared/regions/orientation';
import {
  clampToImage,
  isValidShape,
  moveVertex,
  normaliseRect,
  removeVertex,
  resizeRect,
  roundShape,
  translateWithin,
  type ImageSize,
  type Point,
  type RegionShape,
  type ResizeHandle,
} from '../../shared/regions/region-shape';
import { imageScreenBox, screenMapping, type ScreenMapping } from './region-geometry';

export type DrawingTool = 'none' | 'rect' | 'polygon';

export interface ShownRegion {
  id: string;
  kind: AnnotationKind;
  shape: RegionShape;
}

interface Props {
  viewer: OpenSeadragon.Viewer;
  image: ImageSize;
  orientation: Orientation;
  regions: readonly ShownRegion[];
  tool: DrawingTool;
  activeId: string | null;
  hoverId: string | null;
  /** A region just drawn that is waiting for its kind: shown dashed until then. */
  pending: RegionShape | null;
  /** A region was drawn; `at` is where the pointer let go, in page (client) coordinates. */
  onDrawn: (shape: RegionShape, at: Point) => void;
  onCancelDrawing: () => void;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  /** A region was moved or resized; `before` is its shape before, for undo. */
  onReshape: (id: string, shape: RegionShape, before: RegionShape) => void;
}

/** Clicks within this many screen pixels of the first point close a polygon. */
const CLOSE_POLYGON_PX = 10;
const HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

type Gesture =
  | { type: 'rect'; start: Point; current: Point }
  | { type: 'move' | ResizeHandle; id: string; start: Point; original: RegionShape; current: RegionShape }
  | { type: 'vertex'; index: number; id: string; start: Point; original: RegionShape; current: RegionShape };

export function RegionOverlay(props: Props) {
  const { viewer, image, orientation } = props;
  const [mapping, setMapping] = useState<ScreenMapping | null>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [polygon, setPolygon] = useState<Point[]>([]);
  const [pointer, setPointer] = useState<Point | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  // Follow the viewport: every frame OpenSeadragon draws may have moved the image.
  useEffect(() => {
    const update = (): void => {
      const box = imageScreenBox(viewer, image);
      setMapping(box ? screenMapping(box, image, orientation) : null);
    };
    update();
    const events = ['update-viewport', 'open', 'resize', 'rotate', 'flip', 'animation'] as const;
    for (const e of events) viewer.addHandler(e, update);
    return () => {
      for (const e of events) viewer.removeHandler(e, update);
    };
  }, [viewer, image, orientation]);

  // While drawing, the mouse draws instead of panning the scan.
  useEffect(() => {
    if (props.tool === 'none') return;
    viewer.setMouseNavEnabled(false);
    return () => {
      viewer.setMouseNavEnabled(true);
    };
  }, [viewer, props.tool]);

  useEffect(() => setPolygon([]), [props.tool]);

  const local = useCallback((event: { clientX: number; clientY: number }): Point => {
    const rect = svgRef.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }, []);

  const toClient = (p: Point): Point => {
    const rect = svgRef.current!.getBoundingClientRect();
    return { x: p.x + rect.left, y: p.y + rect.top };
  };

  /** A shape drawn on screen, in display pixels, as a valid shape in scan pixels, or null. */
  const finishShape = useCallback(
    (screenShape: RegionShape): RegionShape | null => {
      if (!mapping) return null;
      const toDisplay = (p: Point): Point => {
        const i = mapping.toImage(p);
        return imageToDisplay(i, image, orientation);
      };
      const display: RegionShape =
        screenShape.type === 'rect'
          ? normaliseRect(toDisplay({ x: screenShape.x, y: screenShape.y }), toDisplay({ x: screenShape.x + screenShape.width, y: screenShape.y + screenShape.height }))
          : { type: 'polygon', points: screenShape.points.map(toDisplay) };
      const clamped = clampToImage(roundShape(shapeFromDisplay(display, image, orientation)), image);
      return clamped && isValidShape(clamped) ? clamped : null;
    },
    [mapping, image, orientation],
  );

  function onPointerDown(event: React.PointerEvent<SVGSVGElement>): void {
    if (props.tool === 'none' || event.button !== 0) return;
    event.stopPropagation();
    const at = local(event);
    if (props.tool === 'rect') {
      svgRef.current!.setPointerCapture(event.pointerId);
      setGesture({ type: 'rect', start: at, current: at });
      return;
    }
    // Polygon: each click adds a point; a click on the first point, or a double click, closes it.
    const first = polygon[0];
    if (first && polygon.length >= 3 && Math.hypot(first.x - at.x, first.y - at.y) <= CLOSE_POLYGON_PX) {
      closePolygon(polygon);
      return;
    }
    setPolygon([...polygon, at]);
  }

  function closePolygon(points: Point[]): void {
    setPolygon([]);
    const shape = finishShape({ type: 'polygon', points });
    if (shape) props.onDrawn(shape, toClient(points[points.length - 1]!));
  }

  function onPointerMove(event: React.PointerEvent<SVGSVGElement>): void {
    const at = local(event);
    setPointer(at);
    if (!gesture || !mapping) return;
    if (gesture.type === 'rect') {
      setGesture({ ...gesture, current: at });
      return;
    }
    // Move and resize work in the displayed frame, where the handles are, then go back to pixels.
    const startImage = mapping.toImage(gesture.start);
    const nowImage = mapping.toImage(at);
    if (gesture.type === 'vertex') {
      if (gesture.original.type !== 'polygon') return;
      const moved = moveVertex(gesture.original, gesture.index, roundPoint(nowImage), image);
      if (moved) setGesture({ ...gesture, current: moved });
    } else if (gesture.type === 'move') {
      const delta = { x: nowImage.x - startImage.x, y: nowImage.y - startImage.y };
      setGesture({ ...gesture, current: roundShape(translateWithin(gesture.original, delta, image)) });
    } else if (gesture.original.type === 'rect') {
      const a = imageToDisplay(startImage, image, orientation);
      const b = imageToDisplay(nowImage, image, orientation);
      const displayRect = shapeToDisplay(gesture.original, image, orientation);
      const resized = resizeRect(displayRect, gesture.type, { x: b.x - a.x, y: b.y - a.y });
      const back = clampToImage(roundShape(shapeFromDisplay(resized, image, orientation)), image);
      if (back) setGesture({ ...gesture, current: back });
    }
  }

  function onPointerUp(): void {
    if (!gesture) return;
    setGesture(null);
    if (gesture.type === 'rect') {
      const shape = finishShape(normaliseRect(gesture.start, gesture.current));
      if (shape) props.onDrawn(shape, toClient(gesture.current));
      return;
    }
    if (JSON.stringify(gesture.current) !== JSON.stringify(gesture.original)) {
      props.onReshape(gesture.id, gesture.current, gesture.original);
    }
  }

  function startEdit(event: React.PointerEvent, id: string, shape: RegionShape, type: 'rect' | 'move' | ResizeHandle): void {
    if (props.tool !== 'none' || event.button !== 0) return;
    event.stopPropagation();
    event.preventDefault();
    props.onSelect(id);
    svgRef.current!.setPointerCapture(event.pointerId);
    if (type !== 'rect') setGesture({ type, id, start: local(event), original: shape, current: shape });
  }

  /** A vertex of the selected polygon grabbed: dragged to reshape, or removed with Alt held. */
  function startVertexEdit(event: React.PointerEvent, id: string, shape: RegionShape, index: number): void {
    if (props.tool !== 'none' || event.button !== 0 || shape.type !== 'polygon') return;
    event.stopPropagation();
    event.preventDefault();
    if (event.altKey) {
      const fewer = removeVertex(shape, index);
      if (fewer) props.onReshape(id, fewer, shape);
      return;
    }
    svgRef.current!.setPointerCapture(event.pointerId);
    setGesture({ type: 'vertex', index, id, start: local(event), original: shape, current: shape });
  }

  useEffect(() => {
    if (props.tool === 'none') return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        setPolygon([]);
        setGesture(null);
        props.onCancelDrawing();
      } else if (event.key === 'Enter' && polygon.length >= 3) {
        closePolygon(polygon);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!mapping) return null;
  const toPoints = (shape: RegionShape): string => corners(shape).map((p) => mapping.toScreen(p)).map((p) => `${p.x},${p.y}`).join(' ');

  return (
    <svg
      ref={svgRef}
      className={`region-overlay tool-${props.tool}`}
      aria-label="Regions on the scan"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onDoubleClick={() => polygon.length >= 3 && closePolygon(polygon)}
    >
      {props.regions.map((region) => {
        const editing = gesture && gesture.type !== 'rect' && gesture.id === region.id ? gesture.current : null;
        const shape = editing ?? region.shape;
        const classes = [
          'region',
          `kind-${region.kind}`,
          region.id === props.activeId ? 'active' : '',
          region.id === props.hoverId ? 'hover' : '',
        ].join(' ');
        return (
          <g key={region.id}>
            <polygon
              className={classes}
              data-annotation-id={region.id}
              points={toPoints(shape)}
              onPointerDown={(e) => startEdit(e, region.id, shape, region.id === props.activeId ? 'move' : 'rect')}
              onPointerEnter={() => props.onHover(region.id)}
              onPointerLeave={() => props.onHover(null)}
            />
            {region.id === props.activeId && shape.type === 'rect' && props.tool === 'none' &&
              HANDLES.map((handle) => {
                const p = mapping.toScreen(handlePoint(shapeToDisplay(shape, image, orientation), handle, image, orientation));
                return (
                  <rect
                    key={handle}
                    className={`region-handle handle-${handle}`}
                    data-handle={handle}
                    x={p.x - 5}
                    y={p.y - 5}
                    width={10}
                    height={10}
                    onPointerDown={(e) => startEdit(e, region.id, shape, handle)}
                  />
                );
              })}
            {region.id === props.activeId && shape.type === 'polygon' && props.tool === 'none' &&
              shape.points.map((point, index) => {
                const p = mapping.toScreen(point);
                return (
                  <circle
                    key={index}
                    className="region-handle region-vertex"
                    data-vertex={index}
                    cx={p.x}
                    cy={p.y}
                    r={5}
                    onPointerDown={(e) => startVertexEdit(e, region.id, shape, index)}
                  >
                    <title>Drag to reshape; Alt-click to remove this corner</title>
                  </circle>
                );
              })}
          </g>
        );
      })}
      {props.pending && <polygon className="region-drawing region-pending" points={toPoints(props.pending)} />}
      {gesture?.type === 'rect' && (
        <rect
          className="region-drawing"
          x={Math.min(gesture.start.x, gesture.current.x)}
          y={Math.min(gesture.start.y, gesture.current.y)}
          width={Math.abs(gesture.current.x - gesture.start.x)}
          height={Math.abs(gesture.current.y - gesture.start.y)}
        />
      )}
      {polygon.length > 0 && (
        <polyline className="region-drawing" points={[...polygon, ...(pointer ? [pointer] : [])].map((p) => `${p.x},${p.y}`).join(' ')} />
      )}
    </svg>
  );
}

function roundPoint(p: Point): Point {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

/** The corners of a shape in scan pixels (a rectangle as four points, so it turns with the scan). */
function corners(shape: RegionShape): Point[] {
  if (shape.type === 'polygon') return shape.points;
  const { x, y, width, height } = shape;
  return [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ];
}

/** Where a handle sits, given the rectangle as displayed, returned in scan pixels. */
function handlePoint(display: { x: number; y: number; width: number; height: number }, handle: ResizeHandle, image: ImageSize, orientation: Orientation): Point {
  const x = handle.includes('w') ? display.x : handle.includes('e') ? display.x + display.width : display.x + display.width / 2;
  const y = handle.includes('n') ? display.y : handle.includes('s') ? display.y + display.height : display.y + display.height / 2;
  return displayToImage({ x, y }, image, orientation);
}
