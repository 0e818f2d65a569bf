"use client";
// A PENDING order changes when the payment provider confirms, which can be seconds after the
// buyer is back (after 3-D Secure, say): ask every 2 s, and show the page anew once it moved.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";

export function RefreshWhilePending({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const order = useQuery(trpc.order.byId.queryOptions({ orderId }, { refetchInterval: 2000 }));
  const status = order.data?.status;
  useEffect(() => {
    if (status && status !== "PENDING") router.refresh();
  }, [status, router]);
  return null;
}
