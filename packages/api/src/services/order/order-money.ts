// An order's money as the buyer sees it: what was charged, what came back, and what they paid in
// the end. From the recorded payments, never from the order's total: a refunded order's total is
// what the tickets cost, not what the buyer is out of pocket.

/** Charged, refunded and net, from an order's recorded payments (minor units). */
export function orderMoney(payments: readonly { kind: string; amount: number }[]) {
  const sum = (kind: string) =>
    payments
      .filter((payment) => payment.kind === kind)
      .reduce((total, payment) => total + payment.amount, 0);
  const paid = sum("CHARGE");
  const refunded = sum("REFUND");
  return { paid, refunded, net: paid - refunded };
}
