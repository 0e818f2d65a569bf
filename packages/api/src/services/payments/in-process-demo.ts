// The demo provider for callers without a web server (tests, scripts, and createContext's
// default): its signed webhooks go straight to OpenTicket's webhook handler instead of over
// HTTP — still signed, still verified.
import type { Db } from "@openticket/db";
import { createDemoProvider, type DemoProvider } from "./demo-provider.ts";
import { handlePaymentWebhook } from "./handle-webhook.ts";

const providers = new WeakMap<Db, DemoProvider>();

export function inProcessDemoProvider(db: Db): DemoProvider {
  let provider = providers.get(db);
  if (!provider) {
    const created: DemoProvider = createDemoProvider({
      db,
      secret: "in-process-demo-webhooks",
      deliver: async (payload, headers) => {
        await handlePaymentWebhook(db, created, payload, headers);
      },
    });
    provider = created;
    providers.set(db, provider);
  }
  return provider;
}
