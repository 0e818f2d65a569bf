// A real Redis for tests: REDIS_URL, else the machine's on 127.0.0.1:6379, else a private
// `redis-server` started on a free port for this test file (in memory, no files) and stopped
// after it. Each test file should still use its own key namespace.
import { type ChildProcess, spawn } from "node:child_process";
import getPort from "get-port";
import { Redis } from "ioredis";

export type TestRedis = { redis: Redis; url: string; stop: () => Promise<void> };

export async function startTestRedis(): Promise<TestRedis> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const shared = await connect(url);
  if (shared) return { redis: shared, url, stop: async () => shared.disconnect() };

  const port = await getPort({ host: "127.0.0.1" });
  const server = spawn(
    "redis-server",
    ["--port", String(port), "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const started = await new Promise<ChildProcess>((resolve, reject) => {
    server.once("error", (error) =>
      reject(new Error(`No Redis at ${url}, and redis-server could not start: ${error.message}`)),
    );
    server.once("spawn", () => resolve(server));
  });
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const redis = await connect(privateUrl);
    if (redis) {
      return {
        redis,
        url: privateUrl,
        stop: async () => {
          redis.disconnect();
          started.kill();
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  started.kill();
  throw new Error(`redis-server on port ${port} did not answer.`);
}

async function connect(url: string): Promise<Redis | null> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}
