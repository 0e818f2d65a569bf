// Audit entries store JSON: dates become ISO strings, undefined fields disappear.
import type { Prisma } from "@openticket/db";

export function auditJson(value: Record<string, unknown>): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}
