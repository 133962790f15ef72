/** A short message at the bottom of the window, with an optional action such as Undo. */
import { useEffect } from 'react';

export interface ToastMessage {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

const TOAST_LIFETIME_MS = 8000;

export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, TOAST_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  if (!toast) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            toast.action!.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss" className="toast-close" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
