// Every procedure of the router with its input schema, and a way to look inside zod schemas,
// for the tests that check all inputs at once (input-hygiene, fuzz-procedures).
import type { z } from "zod";
import { appRouter } from "../../src/root.ts";
import type { Access } from "../../src/trpc.ts";

export type ProcedureInput = {
  path: string;
  type: "query" | "mutation" | "subscription";
  access: Access | undefined;
  /** Null for a procedure without input. */
  input: z.ZodType | null;
};

type ProcedureDef = {
  type: ProcedureInput["type"];
  meta?: { access?: Access };
  inputs: z.ZodType[];
};

export function procedureInputs(): ProcedureInput[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures).map(([path, { _def }]) => {
    if (_def.inputs.length > 1) throw new Error(`${path}: more than one .input() is not handled`);
    return { path, type: _def.type, access: _def.meta?.access, input: _def.inputs[0] ?? null };
  });
}

/** A schema's definition, loosely typed: zod 4 keeps it in `_zod.def`. */
export type SchemaDef = {
  type: string;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
};

export type CheckDef = {
  check: string;
  fn?: unknown;
  format?: string;
  maximum?: number;
  minimum?: number;
  value?: number | Date;
  inclusive?: boolean;
};

export function defOf(schema: z.ZodType): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

export function checksOf(schema: z.ZodType): CheckDef[] {
  return (defOf(schema).checks ?? []).map((check) => check._zod.def);
}

/** The bound a check puts on a length, a number or a date: `greater_than`/`min_length` etc. */
export function bound(schema: z.ZodType, kind: "min" | "max"): number | Date | undefined {
  const found = checksOf(schema).find((check) =>
    kind === "min"
      ? check.check === "min_length" || check.check === "greater_than"
      : check.check === "max_length" || check.check === "less_than",
  );
  return found?.maximum ?? found?.minimum ?? found?.value;
}
