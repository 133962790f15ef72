/**
 * Which sheet each newly imported scan shows. Pages are given, in order, to the sheets that
 * have no real scan yet (a generated facsimile does not count); pages beyond the last sheet
 * stay with the last sheet, as further pages of it, until the user reassigns them.
 */
export interface ExistingScan {
  sheetIndex: number;
  generated: boolean;
}

export function assignSheets(existing: readonly ExistingScan[], newScanCount: number, sheetCount: number): number[] {
  const covered = new Set(existing.filter((s) => !s.generated).map((s) => s.sheetIndex));
  const free: number[] = [];
  for (let i = 0; i < sheetCount; i++) if (!covered.has(i)) free.push(i);
  const last = Math.max(0, sheetCount - 1);
  return Array.from({ length: newScanCount }, (_, i) => free[i] ?? last);
}

/**
 * The scan a sheet shows: its first real scan by order, else its first generated facsimile.
 */
export function scanForSheet<T extends { sheetIndex: number; generated: boolean; order: number }>(
  scans: readonly T[],
  sheetIndex: number,
): T | undefined {
  const onSheet = scans.filter((s) => s.sheetIndex === sheetIndex).sort((a, b) => a.order - b.order);
  return onSheet.find((s) => !s.generated) ?? onSheet[0];
}
