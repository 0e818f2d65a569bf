// One payment step in a process of its own, for payment-crashes.test.ts: started with
// OPENTICKET_CRASH_AT=<point>, it dies by SIGKILL at that point (src/services/crash-point.ts).
//   payment-step.ts <database url> checkout <userId> <eventId> <idempotency key> [discount code]
//   payment-step.ts <database url> approve <demo reference>
//   payment-step.ts <database url> cancel <userId> <orderId>
import { createDb } from "@openticket/db";
import { createContext } from "../../src/context.ts";
import { createCaller } from "../../src/root.ts";
import { inProcessDemoProvider } from "../../src/services/payments/in-process-demo.ts";

const [url, action, ...args] = process.argv.slice(2);
if (!url || !action) throw new Error("usage: payment-step.ts <url> <action> …");
const db = createDb(url);

async function asUser(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return createCaller(createContext({ db, user }));
}

if (action === "checkout") {
  const [userId = "", eventId = "", key = "", discountCode] = args;
  await (await asUser(userId)).order.checkout({ eventId, idempotencyKey: key, discountCode });
} else if (action === "approve") {
  await inProcessDemoProvider(db).demo.approve(args[0] ?? "");
} else if (action === "cancel") {
  const [userId = "", orderId = ""] = args;
  await (await asUser(userId)).order.cancel({ orderId, idempotencyKey: `cancel-${orderId}` });
} else {
  throw new Error(`unknown action ${action}`);
}
await db.$disconnect();
