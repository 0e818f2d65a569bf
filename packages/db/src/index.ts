// @openticket/db: the Prisma client, its generated types, and password storage.
export { connectionPoolOf, createDb, type Db, type Tx } from "./client.ts";
export * from "./generated/prisma/client.ts";
export {
  isSerializationFailure,
  runGuarded,
  runSerializable,
  type SerializableOptions,
} from "./serializable.ts";
