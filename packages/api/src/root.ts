// The whole API: one router per domain.
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { adminRouter } from "./routers/admin.ts";
import { authRouter } from "./routers/auth.ts";
import { checkinRouter } from "./routers/checkin.ts";
import { demoPaymentRouter } from "./routers/demo-payment.ts";
import { eventRouter } from "./routers/event.ts";
import { meRouter } from "./routers/me.ts";
import { orderRouter } from "./routers/order.ts";
import { organizerRouter } from "./routers/organizer.ts";
import { reservationRouter } from "./routers/reservation.ts";
import { waitingRoomRouter } from "./routers/waiting-room.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  event: eventRouter,
  reservation: reservationRouter,
  waitingRoom: waitingRoomRouter,
  order: orderRouter,
  admin: adminRouter,
  organizer: organizerRouter,
  me: meRouter,
  demoPayment: demoPaymentRouter,
  checkin: checkinRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Calls procedures in-process (server components, scripts, tests): `createCaller(ctx)`. */
export const createCaller = createCallerFactory(appRouter);
