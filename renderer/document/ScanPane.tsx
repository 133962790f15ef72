/**
 * The scan of the current sheet. A generated facsimile says so, plainly, in a label above the
 * image (not over it, so it hides nothing of the page).
 * (Deep zoom, rotation and image adjustments belong to the scan viewer.)
 */
import { useEffect, useState } from 'react';
import type { ScanRecord } from '../db/records';

interface Props {
  scan: ScanRecord | undefined;
  sheetLabel: string;
}

export function ScanPane({ scan, sheetLabel }: Props) {
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!scan) {
      setUrl(null);
      return;
    }
    const objectUrl = URL.createObjectURL(scan.blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [scan]);

  return (
    <section className="scan-pane" aria-label="Scan">
      {scan && url ? (
        <figure className="scan-figure">
          {scan.generated && (
            <figcaption className="generated-badge" role="note">
              {scan.caption || 'Generated facsimile'}
            </figcaption>
          )}
          <img
            src={url}
            alt={`${scan.generated ? 'Generated facsimile' : 'Scan'} of ${sheetLabel}`}
            width={scan.width}
            height={scan.height}
            data-sheet-index={scan.sheetIndex}
            data-source={scan.sourceName}
          />
        </figure>
      ) : (
        <p className="empty-hint">No scan for {sheetLabel}.</p>
      )}
    </section>
  );
}
