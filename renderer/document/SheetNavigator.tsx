/**
 * Moving between the sheets of a document: previous, next, and a way to go straight to any sheet.
 *
 * A short document has one button per sheet. A long one (a file of hundreds of telegrams) has a
 * list to choose from instead: a row of 300 buttons runs off the screen, and building and laying
 * it out was a fifth of the time it took to open such a document.
 */
interface Props {
  labels: readonly string[];
  current: number;
  onGo: (index: number) => void;
}

/** Up to this many sheets, each has its button. */
export const MAX_SHEET_BUTTONS = 12;

export function SheetNavigator({ labels, current, onGo }: Props) {
  return (
    <nav className="sheet-navigator" aria-label="Sheets">
      <button type="button" aria-label="Previous sheet" title="Previous sheet (Ctrl+[)" disabled={current <= 0} onClick={() => onGo(current - 1)}>
        ‹
      </button>
      {labels.length <= MAX_SHEET_BUTTONS ? (
        labels.map((label, i) => (
          <button key={i} type="button" className="sheet-tab" aria-current={i === current ? 'page' : undefined} onClick={() => onGo(i)}>
            {label}
          </button>
        ))
      ) : (
        <label className="sheet-choice">
          <select aria-label="Sheet" value={current} onChange={(event) => onGo(Number(event.target.value))}>
            {labels.map((label, i) => (
              <option key={i} value={i}>
                {label}
              </option>
            ))}
          </select>
          <span className="sheet-count">of {labels.length}</span>
        </label>
      )}
      <button
        type="button"
        aria-label="Next sheet"
        title="Next sheet (Ctrl+])"
        disabled={current >= labels.length - 1}
        onClick={() => onGo(current + 1)}
      >
        ›
      </button>
    </nav>
  );
}
