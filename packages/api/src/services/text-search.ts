// Case-insensitive "contains" filters that take the searched text literally. Prisma's `contains`
// is ILIKE '%text%' and leaves % and _ in the text as wildcards, so they are escaped here.

export function containsText(text: string) {
  return { contains: escapeLike(text), mode: "insensitive" as const };
}

/** The text with LIKE's wildcards (and its escape character) escaped, for raw SQL too. */
export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, "\\$&");
}

/**
 * A case-insensitive exact match. Prisma runs `equals` with `mode: "insensitive"` as ILIKE too,
 * so the same characters need escaping: a trailing backslash was a 500, "%" matched every city.
 */
export function equalsText(text: string) {
  return { equals: escapeLike(text), mode: "insensitive" as const };
}
