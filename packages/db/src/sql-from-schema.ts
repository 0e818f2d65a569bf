// Turns prisma/schema.prisma into the SQL that creates it, with no download:
// Prisma's schema engine compiled to WASM, asked for a diff from an empty database (or from an
// older schema) to the current one. Used to write new migrations and by the drift test.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export const schemaPath = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));

export async function sqlFromSchema(options: {
  /** Any reachable PostgreSQL: the engine insists on connecting, but the diff never reads it. */
  connectionString: string;
  from?: string;
  to?: string;
}): Promise<string> {
  const to = options.to ?? readFileSync(schemaPath, "utf8");
  const SchemaEngine = await loadSchemaEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: options.connectionString }),
  );
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from:
        options.from === undefined
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: "old.prisma", content: options.from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}

// The package's entry imports the .wasm file as an ES module, which Node cannot do; load the
// bytes ourselves and hand them to the generated bindings.
let loaded: Promise<typeof engineBindings.SchemaEngine> | undefined;
function loadSchemaEngine() {
  loaded ??= (async () => {
    const bindingsPath = fileURLToPath(
      import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
    );
    const wasmPath = join(dirname(bindingsPath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineBindings.SchemaEngine;
  })();
  return loaded;
}
