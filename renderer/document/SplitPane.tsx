/**
 * Two panes side by side with a divider the user can drag, or move with the arrow keys when it
 * has focus. The split is remembered across sessions.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'marginalia:split';
const MIN_PERCENT = 15;
const MAX_PERCENT = 85;
const KEY_STEP_PERCENT = 2;

function clamp(percent: number): number {
  return Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, percent));
}

function storedPercent(): number {
  const stored = Number(localStorage.getItem(STORAGE_KEY));
  return Number.isFinite(stored) && stored > 0 ? clamp(stored) : 45;
}

export function SplitPane({ left, right }: { left: ReactNode; right: ReactNode }) {
  const [percent, setPercent] = useState(storedPercent);
  const container = useRef<HTMLDivElement>(null);

  const commit = useCallback((next: number) => {
    const value = clamp(next);
    setPercent(value);
    localStorage.setItem(STORAGE_KEY, String(value));
  }, []);

  function onPointerDown(event: React.PointerEvent<HTMLDivElement>): void {
    event.preventDefault();
    const divider = event.currentTarget;
    divider.setPointerCapture(event.pointerId);
    const box = container.current!.getBoundingClientRect();
    const move = (e: PointerEvent): void => commit(((e.clientX - box.left) / box.width) * 100);
    const up = (): void => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', up);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', up);
  }

  return (
    <div className="split-pane" ref={container} style={{ gridTemplateColumns: `${percent}% 8px 1fr` }}>
      <div className="split-side">{left}</div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize scan and transcription"
        aria-valuemin={MIN_PERCENT}
        aria-valuemax={MAX_PERCENT}
        aria-valuenow={Math.round(percent)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') commit(percent - KEY_STEP_PERCENT);
          else if (e.key === 'ArrowRight') commit(percent + KEY_STEP_PERCENT);
        }}
      />
      <div className="split-side">{right}</div>
    </div>
  );
}
