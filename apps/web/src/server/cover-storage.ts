// This process's cover storage: files under COVER_DIR (env.ts). Storage elsewhere (an
// S3-compatible bucket) would be another CoverStorage chosen here.
import "server-only";
import { type CoverStorage, diskCoverStorage } from "@openticket/api";
import { env } from "~/env";

let storage: CoverStorage | null = null;

export function getCoverStorage(): CoverStorage {
  storage ??= diskCoverStorage(env.coverDir);
  return storage;
}
