/**
 * Undo for library actions (creating and deleting annotations), separate from the text undo
 * inside each editor. Each action declares its undo next to its write (see the files beside
 * this one), and pushes it here.
 */
export interface UndoEntry {
  /** What the toast and the Edit menu say: "Delete commentary". */
  label: string;
  undo: () => Promise<void>;
}

export class UndoStack {
  private readonly entries: UndoEntry[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly limit = 100) {}

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
    this.notify();
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  /** Undoes the latest action; answers its label, or null when there was nothing to undo. */
  async undo(): Promise<string | null> {
    const entry = this.entries.pop();
    if (!entry) return null;
    this.notify();
    await entry.undo();
    return entry.label;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
