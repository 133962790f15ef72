/**
 * The scan viewer's toolbar: zoom, fit, 100 %, quarter turns, mirror, and the adjustments that
 * make a faded carbon readable. It only shows the state and reports what the user asks for;
 * ScanViewer does the work, so a key and its button always do the same thing.
 */
import type { KeyboardEvent } from 'react';
import { VIEWER_SHORTCUT_LABELS, type ViewerCommand } from './viewer-keys';
import { ADJUSTMENT_MAX, ADJUSTMENT_MIN, hasAdjustments, type ViewerState } from './viewer-state';

/** The toolbar's props: the state it shows and where the user's requests go. */
export interface ScanViewerToolbarProps {
  state: ViewerState;
  /** Image pixels per CSS pixel, or null while no image is open. */
  zoom: number | null;
  /** False while no image is open: the view controls then have nothing to act on. */
  ready: boolean;
  onCommand: (command: ViewerCommand) => void;
  onAdjust: (patch: Partial<Pick<ViewerState, 'brightness' | 'contrast' | 'invert' | 'greyscale'>>) => void;
  onResetAdjustments: () => void;
}

// Controls that have nothing to act on are marked aria-disabled rather than disabled: a
// disabled button loses focus, and with it the viewer's keyboard shortcuts (say, while the next
// sheet's scan loads, or right after "Reset adjustments").

interface CommandButton {
  command: ViewerCommand;
  name: string;
  glyph: string;
}

const VIEW_BUTTONS: readonly CommandButton[] = [
  { command: 'zoomOut', name: 'Zoom out', glyph: '−' },
  { command: 'zoomIn', name: 'Zoom in', glyph: '+' },
  { command: 'fitWidth', name: 'Fit width', glyph: 'Width' },
  { command: 'fitPage', name: 'Fit page', glyph: 'Page' },
  { command: 'actualSize', name: '100 %', glyph: '100 %' },
  { command: 'rotateLeft', name: 'Rotate left', glyph: '↺' },
  { command: 'rotateRight', name: 'Rotate right', glyph: '↻' },
];

/** "Zoom in (+)": the name a tooltip shows, with its shortcut. */
function titleFor(name: string, command: ViewerCommand): string {
  return `${name} (${VIEWER_SHORTCUT_LABELS[command].label})`;
}

/**
 * Left and right arrows move between the toolbar's controls, as the ARIA toolbar pattern
 * expects; Tab still visits each control too, so nobody has to learn the arrows. A slider keeps
 * its arrows for its own value.
 */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLInputElement && target.type === 'range') return;
  const controls = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('button, input'));
  const index = controls.indexOf(target);
  if (index < 0) return;
  const next = controls[index + (event.key === 'ArrowRight' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** The "Scan view" toolbar. */
export function ScanViewerToolbar({ state, zoom, ready, onCommand, onAdjust, onResetAdjustments }: ScanViewerToolbarProps) {
  return (
    <div className="scan-viewer-toolbar" role="toolbar" aria-label="Scan view" onKeyDown={moveFocus}>
      <div className="scan-viewer-tools">
        {VIEW_BUTTONS.map(({ command, name, glyph }) => (
          <button
            key={command}
            type="button"
            aria-label={name}
            title={titleFor(name, command)}
            aria-keyshortcuts={VIEWER_SHORTCUT_LABELS[command].aria}
            aria-disabled={!ready}
            onClick={() => ready && onCommand(command)}
          >
            {glyph}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={state.flipped}
          title={titleFor('Mirror', 'mirror')}
          aria-keyshortcuts={VIEWER_SHORTCUT_LABELS.mirror.aria}
          aria-disabled={!ready}
          onClick={() => ready && onCommand('mirror')}
        >
          Mirror
        </button>
        {/* Not a live region: announcing every step of a wheel zoom would drown out everything else. */}
        <span className="scan-viewer-zoom" title="Zoom (100 % is one scan pixel per screen pixel)">
          {zoom === null ? '' : `${Math.round(zoom * 100)} %`}
        </span>
      </div>
      <div className="scan-viewer-tools" role="group" aria-label="Image adjustments">
        <AdjustmentSlider label="Brightness" value={state.brightness} onChange={(brightness) => onAdjust({ brightness })} />
        <AdjustmentSlider label="Contrast" value={state.contrast} onChange={(contrast) => onAdjust({ contrast })} />
        <button type="button" aria-pressed={state.invert} onClick={() => onAdjust({ invert: !state.invert })}>
          Invert
        </button>
        <button type="button" aria-pressed={state.greyscale} onClick={() => onAdjust({ greyscale: !state.greyscale })}>
          Greyscale
        </button>
        <button type="button" aria-disabled={!hasAdjustments(state)} onClick={() => hasAdjustments(state) && onResetAdjustments()}>
          Reset adjustments
        </button>
      </div>
    </div>
  );
}

/** One image adjustment as a slider, in percent. */
function AdjustmentSlider({ label, value, onChange }: { label: string; value: number; onChange: (value: number) => void }) {
  return (
    <label className="scan-viewer-slider">
      <span>{label}</span>
      <input
        type="range"
        min={ADJUSTMENT_MIN}
        max={ADJUSTMENT_MAX}
        step={5}
        value={value}
        aria-valuetext={`${value} %`}
        onChange={(event) => onChange(event.currentTarget.valueAsNumber)}
      />
    </label>
  );
}
