// Case-insensitive "contains" filters that take the searched text literally. Prisma's `contains`
// is ILIKE '%text%' and leaves % and _ in the text as wildcards, so they are escaped here.

export function containsText(text: string) {
  return { contains: text.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}

/**
 * A case-insensitive exact match. Prisma runs `equals` with `mode: "insensitive"` as ILIKE too,
 * so the same characters need escaping: a trailing backslash was a 500, "%" matched every city.
 */
export function equalsText(text: string) {
  return { equals: text.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}
