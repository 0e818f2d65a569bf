// Crash points for the crash tests: a process started with OPENTICKET_CRASH_AT=<name> kills
// itself (SIGKILL, no cleanup, like a power cut) when it reaches crashPoint("<name>"). Anywhere
// else this does nothing. The names mark the steps between which a payment or a message can be interrupted.
export type CrashPointName =
  | "checkout:after-order"
  | "checkout:after-provider"
  | "settle:before-sale"
  | "settle:after-sale"
  | "refund:before-provider"
  | "refund:after-provider"
  | "mail:before-send"
  | "mail:after-send";

const armed = process.env.OPENTICKET_CRASH_AT;

export function crashPoint(name: CrashPointName) {
  if (armed === name) process.kill(process.pid, "SIGKILL");
}
