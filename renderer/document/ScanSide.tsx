/**
 * The scan side of the document screen: the viewer with its regions, the tools to draw new
 * regions, and the strip of sheet thumbnails.
 */
import type OpenSeadragon from 'openseadragon';
import { useMemo, useState } from 'react';
import { isRegionTarget, type Annotation } from '../../shared/annotation';
import { selectorToShape } from '../../shared/regions/selectors';
import type { Point, RegionShape } from '../../shared/regions/region-shape';
import type { ScanRecord } from '../db/records';
import { scanForSheet } from '../import/assign-sheets';
import { RegionOverlay, type DrawingTool, type ShownRegion } from '../viewer/RegionOverlay';
import { ScanViewer } from '../viewer/ScanViewer';
import { ThumbnailStrip } from '../viewer/ThumbnailStrip';
import type { ViewerState } from '../viewer/viewer-state';

interface Props {
  scans: readonly ScanRecord[];
  sheetLabels: readonly string[];
  currentSheet: number;
  annotations: readonly Annotation[];
  viewerState: ViewerState;
  activeId: string | null;
  hoverId: string | null;
  /** A region drawn and waiting for its kind, on the scan it was drawn on. */
  pending: { scanId: string; shape: RegionShape } | null;
  onViewerState: (state: ViewerState) => void;
  onGoToSheet: (index: number) => void;
  /** A new region was drawn on `scan`; `at` is where the pointer let go, in page coordinates. */
  onRegionDrawn: (scan: ScanRecord, shape: RegionShape, at: Point) => void;
  onRegionReshaped: (annotationId: string, shape: RegionShape, before: RegionShape) => void;
  onSelectRegion: (annotationId: string) => void;
  onHoverRegion: (annotationId: string | null) => void;
}

const TOOL_LABELS: Record<Exclude<DrawingTool, 'none'>, string> = { rect: 'Rectangle', polygon: 'Polygon' };

export function ScanSide(props: Props) {
  const [viewer, setViewer] = useState<OpenSeadragon.Viewer | null>(null);
  const [tool, setTool] = useState<DrawingTool>('none');
  const scan = scanForSheet(props.scans, props.currentSheet);

  const regions = useMemo((): ShownRegion[] => {
    if (!scan) return [];
    const shown: ShownRegion[] = [];
    for (const a of props.annotations) {
      if (!isRegionTarget(a.target) || a.target.scanId !== scan.id) continue;
      const shape = selectorToShape(a.target.selector, scan);
      if (shape) shown.push({ id: a.id, kind: a.kind, shape });
    }
    return shown;
  }, [props.annotations, scan]);

  const thumbnails = useMemo(
    () => props.sheetLabels.map((label, i) => ({ label, scan: scanForSheet(props.scans, i) })),
    [props.sheetLabels, props.scans],
  );

  return (
    <section className="scan-pane" aria-label="Scan">
      <div className="region-tools" role="toolbar" aria-label="Draw regions">
        <span className="region-tools-label">Mark a region:</span>
        {(['rect', 'polygon'] as const).map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={tool === t}
            disabled={!scan}
            title={t === 'rect' ? 'Drag a rectangle on the scan (Esc cancels)' : 'Click the corners; click the first point, double-click or press Enter to close (Esc cancels)'}
            onClick={() => setTool(tool === t ? 'none' : t)}
          >
            {TOOL_LABELS[t]}
          </button>
        ))}
      </div>
      <ScanViewer
        scan={scan}
        sheetLabel={props.sheetLabels[props.currentSheet] ?? ''}
        state={props.viewerState}
        onStateChange={props.onViewerState}
        onViewer={setViewer}
        overlay={
          viewer && scan ? (
            <RegionOverlay
              viewer={viewer}
              image={scan}
              orientation={{ rotation: props.viewerState.rotation, flipped: props.viewerState.flipped }}
              regions={regions}
              tool={tool}
              activeId={props.activeId}
              hoverId={props.hoverId}
              pending={props.pending?.scanId === scan.id ? props.pending.shape : null}
              onDrawn={(shape, at) => {
                setTool('none');
                props.onRegionDrawn(scan, shape, at);
              }}
              onCancelDrawing={() => setTool('none')}
              onSelect={props.onSelectRegion}
              onHover={props.onHoverRegion}
              onReshape={props.onRegionReshaped}
            />
          ) : undefined
        }
      />
      <ThumbnailStrip sheets={thumbnails} current={props.currentSheet} onGo={props.onGoToSheet} />
    </section>
  );
}
