// A real SMTP server in the test process (smtp-server), for api and web tests alike: it keeps
// every message it accepted, parsed back by mailparser, and can refuse mail or go away and come
// back on the same port, as a real one does.
import getPort from "get-port";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  messageId: string | undefined;
  parsed: ParsedMail;
};

export type TestSmtpServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** While set, every message is refused with a temporary error (451). */
  refuse: boolean;
  /** Closes the port: connections are refused until start() again. */
  stop(): Promise<void>;
  /** Listens again on the same port (nothing when already listening). */
  start(): Promise<void>;
  /** Resolves once at least `count` messages arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
};

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const port = await getPort({ host: "127.0.0.1" });
  const received: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  const state: TestSmtpServer = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuse: false,
    async start() {
      if (server) return; // already listening
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            if (state.refuse) {
              const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
              callback(error);
              return;
            }
            simpleParser(Buffer.concat(chunks))
              .then((parsed) => {
                received.push({
                  to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
                  messageId: parsed.messageId,
                  parsed,
                });
                callback();
              })
              .catch(callback);
          });
        },
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.server.once("error", reject);
        listening.listen(port, "127.0.0.1", () => resolve());
      });
    },
    async stop() {
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async waitFor(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) {
          throw new Error(`${received.length} of ${count} messages arrived in ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
  };
  await state.start();
  return state;
}
