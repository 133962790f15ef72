/** New identifiers and timestamps, in the forms stored everywhere. */

export function newId(): string {
  return crypto.randomUUID();
}

/** The current time as ISO 8601 UTC with a "Z", as W3C annotations require. */
export function nowIso(): string {
  return new Date().toISOString();
}
