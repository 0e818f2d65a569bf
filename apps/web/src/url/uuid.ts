// What an id or cursor in a URL must look like. The api's ids are UUIDs, so anything else names
// nothing: a page answers 404 and a list ignores the cursor, without asking the database.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** `text` when it is a UUID, otherwise undefined (a malformed cursor is dropped, not an error). */
export function uuidOrUndefined(text: string | undefined): string | undefined {
  return text && isUuid(text) ? text : undefined;
}
