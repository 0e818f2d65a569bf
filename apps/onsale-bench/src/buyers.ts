// The buyers: each signs up through auth.register and signs in, from an address of their own.
// Sign-ups and sign-ins are limited per address (docs/rate-limits.md); as behind a real proxy,
// each buyer's address reaches the app in X-Forwarded-For, so the limits stay on and each buyer
// spends their own allowance.
import { randomInt } from "node:crypto";
import { type Api, apiFor, type SignIn } from "./http.ts";

const PASSWORD = "Stadium-Rush-2026!";

/** A private address per buyer; the second octet differs per run (counters may outlive a run). */
export function buyerAddress(run: number, index: number) {
  return `10.${run}.${(index >> 8) & 255}.${index & 255}`;
}

export async function signUpBuyers(options: {
  baseUrl: string;
  count: number;
  signIn: SignIn;
  timeoutMs: number;
  /** Sign-ups in flight at once: password hashing is deliberately slow work for the server. */
  parallel: number;
}): Promise<Api[]> {
  const run = randomInt(1, 255);
  const tag = Date.now().toString(36);
  const buyers: Api[] = new Array(options.count);
  let next = 0;
  async function worker() {
    for (let index = next++; index < options.count; index = next++) {
      const ip = buyerAddress(run, index);
      const username = `fan_${tag}_${index}`;
      const visitor = apiFor(options.baseUrl, { "x-forwarded-for": ip }, options.timeoutMs);
      await visitor.auth.register.mutate({
        username,
        email: `${username}@bench.example`,
        password: PASSWORD,
        displayName: `Bench fan ${index}`,
      });
      const identity = await options.signIn(username, PASSWORD, ip);
      buyers[index] = apiFor(options.baseUrl, identity, options.timeoutMs);
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.parallel, options.count) }, worker));
  return buyers;
}
