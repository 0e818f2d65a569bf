// The waiting-room line in Redis (see queue.ts for what it keeps). Per event: a hash `line`
// (last, early, closed), a hash `places` (account → "n:<number>:<joinedAt>" or
// "d:<draw>:<joinedAt>") and a sorted set `draws` of the early group. A join is one Lua script,
// atomic on the server, so instances sharing the Redis agree on numbers and places.
import type { Redis } from "ioredis";
import { drawForEarlyArrival, type QueuePlace, type WaitingRoomQueue } from "./queue.ts";

/** Keys are dropped a while after the last join: the line is only needed during the sale. */
const KEEP_SECONDS = 14 * 24 * 3600;

const JOIN = `
local line, places, draws = KEYS[1], KEYS[2], KEYS[3]
local user, early, draw, minNumber, joinedAt, keep = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6]
local found = redis.call('HGET', places, user)
if found then return found end
local closed = redis.call('HGET', line, 'closed')
local place
if early == '1' and not closed then
  redis.call('HINCRBY', line, 'early', 1)
  redis.call('ZADD', draws, draw, user)
  place = 'd:' .. draw .. ':' .. joinedAt
else
  local last = math.max(tonumber(redis.call('HGET', line, 'last') or '0'),
                        tonumber(redis.call('HGET', line, 'early') or '0'))
  local number = math.max(last + 1, minNumber)
  redis.call('HSET', line, 'last', number, 'closed', '1')
  place = 'n:' .. number .. ':' .. joinedAt
end
redis.call('HSET', places, user, place)
redis.call('EXPIRE', line, keep)
redis.call('EXPIRE', places, keep)
redis.call('EXPIRE', draws, keep)
return place
`;

export function redisQueue(redis: Redis, namespace = "openticket"): WaitingRoomQueue {
  const keys = (eventId: string) => {
    const base = `${namespace}:waiting_room:${eventId}`;
    return [`${base}:line`, `${base}:places`, `${base}:draws`] as const;
  };
  const place = async (
    eventId: string,
    userId: string,
    stored: string,
    open: boolean,
  ): Promise<QueuePlace> => {
    const [kind, value, joinedAt] = stored.split(":");
    const joined = new Date(Number(joinedAt));
    if (kind === "n") return { position: Number(value), joinedAt: joined };
    if (!open) return { position: null, joinedAt: joined };
    const rank = await redis.zrank(keys(eventId)[2], userId);
    return { position: rank === null ? null : rank + 1, joinedAt: joined };
  };
  return {
    async join(request) {
      const stored = (await redis.eval(
        JOIN,
        3,
        ...keys(request.eventId),
        request.userId,
        request.early ? "1" : "0",
        String(drawForEarlyArrival()),
        String(request.minNumber),
        String(request.now.getTime()),
        String(KEEP_SECONDS),
      )) as string;
      return place(request.eventId, request.userId, stored, !request.early);
    },
    async find(eventId, userId, open) {
      const stored = await redis.hget(keys(eventId)[1], userId);
      return stored ? place(eventId, userId, stored, open) : null;
    },
    async size(eventId) {
      const [line, places] = keys(eventId);
      const [joined, counts] = await Promise.all([
        redis.hlen(places),
        redis.hmget(line, "last", "early"),
      ]);
      return {
        joined,
        lastPosition: Math.max(Number(counts[0] ?? 0), Number(counts[1] ?? 0)),
      };
    },
  };
}
