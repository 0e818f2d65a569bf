// The numbers behind every limit, in one place: defaults here, overrides from the app's env
// (apps/web/src/env.ts, documented in docs/rate-limits.md).

export type LimitConfig = {
  /** Wrong passwords in a row for one login before it is locked (counts unknown logins too). */
  signInFailuresPerAccount: number;
  /** The first lockout; each further lockout within a day doubles it. */
  signInLockoutSeconds: number;
  /** The longest a lockout grows to. */
  signInMaxLockoutSeconds: number;
  /** Wrong passwords from one IP address in a day before it may not sign in for the day. */
  signInFailuresPerIpPerDay: number;
  /** New accounts from one IP address in an hour. */
  signUpsPerIpPerHour: number;
  /** Holds, releases and checkouts by one user in a minute. */
  seatWritesPerUserPerMinute: number;
  /** Public reads (events, seat maps) by a signed-out visitor's IP address in a minute. */
  anonymousReadsPerIpPerMinute: number;
  /** Live seat-map streams open at once for one user (or one signed-out IP address). */
  liveStreamsAtOnce: number;
  /** Account mail asked for (password reset, verification resend) from one IP address in an hour. */
  accountMailPerIpPerHour: number;
  /** Account mail asked for to one address (or one user's resends) in an hour: no inbox flooding. */
  accountMailPerAddressPerHour: number;
  /** One-time links opened (reset, verify) from one IP address in an hour. */
  accountLinksPerIpPerHour: number;
  /** Messages (e.g. "resend my tickets") one user may ask for in an hour. */
  mailResendsPerUserPerHour: number;
  /** Tickets one check-in device (one user's) may scan in a minute: a busy door scans one every few seconds. */
  scansPerDevicePerMinute: number;
  /**
   * Tickets one account may scan in a minute over all its devices: the device id comes from the
   * client, so a new id per scan must not lift the limit. Ten busy doors' worth by default.
   */
  scansPerUserPerMinute: number;
  /** Waiting-room calls (join, asking for one's place) by one user in a minute. */
  waitingRoomCallsPerUserPerMinute: number;
};

export const defaultLimitConfig: LimitConfig = {
  signInFailuresPerAccount: 5,
  signInLockoutSeconds: 60,
  signInMaxLockoutSeconds: 24 * 3600,
  signInFailuresPerIpPerDay: 100,
  signUpsPerIpPerHour: 10,
  seatWritesPerUserPerMinute: 60,
  anonymousReadsPerIpPerMinute: 300,
  liveStreamsAtOnce: 10,
  accountMailPerIpPerHour: 20,
  accountMailPerAddressPerHour: 5,
  accountLinksPerIpPerHour: 60,
  mailResendsPerUserPerHour: 5,
  scansPerDevicePerMinute: 60,
  scansPerUserPerMinute: 600,
  waitingRoomCallsPerUserPerMinute: 60,
};
