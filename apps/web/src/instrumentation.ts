// Runs once when a server process starts.
export async function register() {
  // biome-ignore lint/style/noProcessEnv: Next.js sets NEXT_RUNTIME; only the Node.js server sweeps.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startObservability } = await import("./server/observability");
    startObservability();
    const { startHoldSweeper } = await import("./server/hold-sweeper");
    startHoldSweeper();
    const { startPaymentJobs } = await import("./server/payment-jobs");
    startPaymentJobs();
  }
}
