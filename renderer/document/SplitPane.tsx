/**
 * The scan and the transcription in one of four layouts: side by side or stacked, with a
 * divider the user can drag (or move with the arrow keys when it has focus), or one of them
 * alone. The split of each orientation is remembered across sessions.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';

export const LAYOUTS = ['side-by-side', 'stacked', 'scan-only', 'text-only'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LAYOUT_LABELS: Readonly<Record<Layout, string>> = {
  'side-by-side': 'Side by side',
  stacked: 'Stacked',
  'scan-only': 'Scan only',
  'text-only': 'Text only',
};

export function isLayout(value: unknown): value is Layout {
  return typeof value === 'string' && (LAYOUTS as readonly string[]).includes(value);
}

const MIN_PERCENT = 15;
const MAX_PERCENT = 85;
const KEY_STEP_PERCENT = 2;

function clamp(percent: number): number {
  return Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, percent));
}

function storageKey(vertical: boolean): string {
  return vertical ? 'marginalia:split-stacked' : 'marginalia:split';
}

function storedPercent(vertical: boolean): number {
  const stored = Number(localStorage.getItem(storageKey(vertical)));
  return Number.isFinite(stored) && stored > 0 ? clamp(stored) : vertical ? 50 : 45;
}

interface Props {
  layout: Layout;
  first: ReactNode;
  second: ReactNode;
}

export function SplitPane({ layout, first, second }: Props) {
  const vertical = layout === 'stacked';
  const [percents, setPercents] = useState(() => ({ side: storedPercent(false), stacked: storedPercent(true) }));
  const percent = vertical ? percents.stacked : percents.side;
  const container = useRef<HTMLDivElement>(null);

  const commit = useCallback(
    (next: number) => {
      const value = clamp(next);
      setPercents((p) => (vertical ? { ...p, stacked: value } : { ...p, side: value }));
      localStorage.setItem(storageKey(vertical), String(value));
    },
    [vertical],
  );

  function onPointerDown(event: React.PointerEvent<HTMLDivElement>): void {
    event.preventDefault();
    const divider = event.currentTarget;
    divider.setPointerCapture(event.pointerId);
    const box = container.current!.getBoundingClientRect();
    const move = (e: PointerEvent): void =>
      commit(vertical ? ((e.clientY - box.top) / box.height) * 100 : ((e.clientX - box.left) / box.width) * 100);
    const up = (): void => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', up);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', up);
  }

  // Both panes stay mounted in every layout, so switching keeps the viewer and the text as they were.
  const tracks =
    layout === 'scan-only' ? '1fr 0 0' : layout === 'text-only' ? '0 0 1fr' : `${percent}% 8px 1fr`;
  return (
    <div
      className={`split-pane layout-${layout}`}
      ref={container}
      style={vertical ? { gridTemplateRows: tracks, gridTemplateColumns: '1fr' } : { gridTemplateColumns: tracks }}
      data-layout={layout}
    >
      <div className="split-side" hidden={layout === 'text-only'}>
        {first}
      </div>
      <div
        className="split-divider"
        hidden={layout === 'scan-only' || layout === 'text-only'}
        role="separator"
        aria-orientation={vertical ? 'horizontal' : 'vertical'}
        aria-label="Resize scan and transcription"
        aria-valuemin={MIN_PERCENT}
        aria-valuemax={MAX_PERCENT}
        aria-valuenow={Math.round(percent)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          const back = vertical ? 'ArrowUp' : 'ArrowLeft';
          const forward = vertical ? 'ArrowDown' : 'ArrowRight';
          if (e.key === back) commit(percent - KEY_STEP_PERCENT);
          else if (e.key === forward) commit(percent + KEY_STEP_PERCENT);
        }}
      />
      <div className="split-side" hidden={layout === 'scan-only'}>
        {second}
      </div>
    </div>
  );
}
