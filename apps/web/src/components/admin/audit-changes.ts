// What an audit entry changed, field by field: the fields whose value differs between `before`
// and `after` (a created record has only `after`, a deleted one only `before`). The log stores
// JSON snapshots; a person reads "Role: Attendee → Organizer".

export type AuditChange = { field: string; before: unknown; after: unknown };

function fields(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const old = fields(before);
  const now = fields(after);
  const names = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return names
    .filter((name) => JSON.stringify(old[name] ?? null) !== JSON.stringify(now[name] ?? null))
    .map((name) => ({ field: name, before: old[name] ?? null, after: now[name] ?? null }));
}

/** "suspendedAt" -> "Suspended at": for a field the catalogue does not name. */
export function fieldWords(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
