#!/usr/bin/env node
// `npm start` and `npm test` on a machine that has only Node.js and npm. Runs the project's
// pinned pnpm (package.json "packageManager"): the one on PATH when it is that version,
// otherwise one installed once from the npm registry into .tools/ (gitignored) and put first on
// PATH for everything below it (turbo and the package scripts call `pnpm` too). Then makes sure
// the dependencies are installed and Prisma's client generated, and runs `pnpm <arguments>`.
// Plain Node.js on purpose: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { packageManager } = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));
const version = packageManager.replace(/^pnpm@/, "");
const tools = `${root}/.tools`;
const toolsBin = `${tools}/node_modules/.bin`;

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmVersion(env) {
  const found = spawnSync("pnpm", ["--version"], { encoding: "utf8", env });
  return found.status === 0 ? found.stdout.trim() : null;
}

let env = process.env;
if (pnpmVersion(env) !== version) {
  env = { ...process.env, PATH: `${toolsBin}${delimiter}${process.env.PATH ?? ""}` };
  if (!existsSync(`${toolsBin}/pnpm`) || pnpmVersion(env) !== version) {
    console.log(`Installing pnpm ${version} into .tools/ (once)`);
    const status = run("npm", [
      "install",
      "--prefix",
      tools,
      "--no-save",
      "--no-audit",
      "--no-fund",
      `pnpm@${version}`,
    ]);
    if (status !== 0) process.exit(status);
  }
}

for (const step of [["install", "--frozen-lockfile"], ["db:generate"]]) {
  const status = run("pnpm", step, env);
  if (status !== 0) process.exit(status);
}
process.exit(run("pnpm", process.argv.slice(2), env));
