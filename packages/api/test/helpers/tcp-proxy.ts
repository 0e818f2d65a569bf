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
  /**
   * Open connections stop carrying data but stay open, like a peer that vanished without a
   * word (a half-open connection); new connections work.
   */
  freeze(): void;
};

export async function startTcpProxy(databaseUrl: string): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const targetPort = Number(target.port || 5432);
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  let port = 0;
  let server: net.Server | null = null;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = net.createServer((client) => {
        const upstream = net.connect(targetPort, target.hostname);
        const pair: [net.Socket, net.Socket] = [client, upstream];
        pairs.add(pair);
        const close = () => {
          pairs.delete(pair);
          for (const socket of pair) {
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
    freeze() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
      pairs.clear();
    },
  };
}
