// A TCP proxy in front of the test database, so a test can take "the database" away from one
// client and bring it back without touching the shared PostgreSQL server.
import net from "node:net";

export type TcpProxy = {
  /** The database URL, through the proxy. */
  url: string;
  /** Cuts every open connection and refuses new ones, like a database that went away. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
};

export async function startTcpProxy(databaseUrl: string): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const targetPort = Number(target.port || 5432);
  const sockets = new Set<net.Socket>();
  let port = 0;
  let server: net.Server | null = null;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(targetPort, target.hostname);
        const close = () => {
          for (const socket of [client, upstream]) {
            socket.destroy();
            sockets.delete(socket);
          }
        };
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("error", close);
          socket.on("close", close);
        }
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });

  await listen();
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    cut: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = null;
        if (!current) return resolve();
        current.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
    restore: listen,
  };
}
