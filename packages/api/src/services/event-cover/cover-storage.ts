// Where event cover images are kept: a small interface, so that storage elsewhere (an
// S3-compatible bucket) can stand in for the disk without the services noticing. Names are
// `<eventId>/<hash>-<width>.<format>` (./cover-variants.ts), never chosen by a client.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";

export type CoverStorage = {
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or null when there is no such file. */
  get(name: string): Promise<Uint8Array | null>;
  remove(names: readonly string[]): Promise<void>;
};

/** Files under `directory`, created on first use; each write lands whole (temp file, rename). */
export function diskCoverStorage(directory: string): CoverStorage {
  const root = resolve(directory);
  const pathOf = (name: string) => {
    const path = resolve(root, name);
    if (!path.startsWith(root + sep)) throw new Error(`Cover name ${name} leaves the directory`);
    return path;
  };
  return {
    async put(name, bytes) {
      const path = pathOf(name);
      await mkdir(dirname(path), { recursive: true });
      const temporary = join(dirname(path), `.${process.pid}-${Date.now()}-${Math.random()}`);
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async get(name) {
      try {
        return await readFile(pathOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(names) {
      await Promise.all(names.map((name) => rm(pathOf(name), { force: true })));
    },
  };
}
