// Case-insensitive "contains" filters that take the searched text literally. Prisma's `contains`
// is ILIKE '%text%' and leaves % and _ in the text as wildcards, so they are escaped here.

export function containsText(text: string) {
  return { contains: text.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
}
