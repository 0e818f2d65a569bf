// What a discount code takes off an order, in whole minor units. Pure arithmetic, shared by
// checkout, its preview and settlement.

export type DiscountRule = { kind: "PERCENT" | "AMOUNT"; value: number };

/**
 * The discount on a seat total: a percentage rounded down (the buyer never gets more off than the
 * code says), an amount at most the total (an order never costs less than nothing).
 */
export function discountOn(subtotal: number, rule: DiscountRule): number {
  if (rule.kind === "PERCENT") return Math.floor((subtotal * rule.value) / 100);
  return Math.min(rule.value, subtotal);
}

/**
 * What each ticket cost after the discount: the discount spread over the seats in proportion to
 * their prices, the odd minor units given to the first seats that still have room. The result
 * adds up to sum(prices) - discount exactly and no ticket goes below zero, so the tickets of a
 * paid order add up to what was charged (the organizer's sales by tier rely on it).
 */
export function spreadDiscount(prices: readonly number[], discount: number): number[] {
  const subtotal = prices.reduce((sum, price) => sum + price, 0);
  if (discount <= 0 || subtotal === 0) return [...prices];
  if (discount > subtotal) throw new RangeError(`A discount of ${discount} exceeds ${subtotal}.`);
  const shares = prices.map((price) => Math.floor((discount * price) / subtotal));
  // Fewer odd units are left than seats whose share was rounded down, and each of those has room.
  let left = discount - shares.reduce((sum, share) => sum + share, 0);
  for (let index = 0; left > 0; index = (index + 1) % prices.length) {
    if ((shares[index] as number) < (prices[index] as number)) {
      shares[index] = (shares[index] as number) + 1;
      left -= 1;
    }
  }
  return prices.map((price, index) => price - (shares[index] as number));
}
