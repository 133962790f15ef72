/**
 * The message shown where work could not be saved: why, that the text is kept, and two ways on
 * — save a copy to a file, or try again (Marginalia also tries again by itself).
 */
import { useState } from 'react';
import type { SaveFileResult } from '../../shared/bridge';
import './storage.css';

interface Props {
  /** Why it could not be saved (storageErrorMessage). */
  message: string;
  /** What is kept, and where. */
  kept: string;
  onSaveCopy: () => Promise<SaveFileResult>;
  onRetry: () => Promise<void>;
}

export function SaveProblem({ message, kept, onSaveCopy, onRetry }: Props) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  async function act(what: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await what();
    } catch (error) {
      setNote(`That did not work either: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="save-problem" role="alert">
      <p>
        {message} {kept}
      </p>
      <div className="save-problem-actions">
        <button
          type="button"
          disabled={busy}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() =>
            void act(async () => {
              const result = await onSaveCopy();
              setNote(result.saved ? `A copy was saved to ${result.where}.` : result.reason);
            })
          }
        >
          Save a copy to a file
        </button>
        <button
          type="button"
          disabled={busy}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() =>
            void act(async () => {
              setNote('');
              await onRetry();
            })
          }
        >
          Try again
        </button>
      </div>
      {note && (
        <p className="save-problem-note" aria-live="polite">
          {note}
        </p>
      )}
    </div>
  );
}
