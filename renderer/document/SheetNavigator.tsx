/** Moving between the sheets of a document: previous, next, and one button per sheet. */
interface Props {
  labels: readonly string[];
  current: number;
  onGo: (index: number) => void;
}

export function SheetNavigator({ labels, current, onGo }: Props) {
  return (
    <nav className="sheet-navigator" aria-label="Sheets">
      <button type="button" aria-label="Previous sheet" title="Previous sheet (Ctrl+[)" disabled={current <= 0} onClick={() => onGo(current - 1)}>
        ‹
      </button>
      {labels.map((label, i) => (
        <button key={i} type="button" className="sheet-tab" aria-current={i === current ? 'page' : undefined} onClick={() => onGo(i)}>
          {label}
        </button>
      ))}
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
