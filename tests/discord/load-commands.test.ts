import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCommands } from "../../src/discord/load-commands.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function folder(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "verbatim-commands-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const COMMAND = (name: string) =>
  `export default { data: { name: "${name}", toJSON: () => ({ name: "${name}", description: "d" }) }, execute: async () => {} };`;

describe("loadCommands", () => {
  it("loads the repository's commands by name", async () => {
    const commands = await loadCommands();
    expect([...commands.keys()]).toEqual(["ask", "gaps", "help", "reindex", "sources", "stats"]);
  });

  it("ignores declaration files, tests and other files", async () => {
    const commands = await loadCommands(await folder({ "a.mjs": COMMAND("a"), "a.d.ts": "x", "a.test.mjs": "x", "notes.md": "x" }));
    expect([...commands.keys()]).toEqual(["a"]);
  });

  it("names a module that is not a command", async () => {
    await expect(loadCommands(await folder({ "broken.mjs": "export const data = {};" }))).rejects.toThrow(
      /commands: .*\/broken\.mjs must export default \{ data, execute \}/,
    );
  });

  it("refuses two commands with one name", async () => {
    await expect(loadCommands(await folder({ "a.mjs": COMMAND("same"), "b.mjs": COMMAND("same") }))).rejects.toThrow(
      "commands: /same is defined twice, in a.mjs and b.mjs",
    );
  });
});
