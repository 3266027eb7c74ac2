import { describe, expect, it } from "vitest";
import { redactPaths } from "../../src/discord/errors.js";

describe("redactPaths", () => {
  it("keeps only the file name of absolute paths", () => {
    expect(redactPaths("corpus: cannot read /srv/bot/corpus/a.md: EACCES")).toBe("corpus: cannot read a.md: EACCES");
    expect(redactPaths("ENOENT: no such file or directory, scandir 'C:\\bot\\corpus'")).toBe(
      "ENOENT: no such file or directory, scandir 'corpus'",
    );
  });

  it("keeps relative paths, URLs, commands and and/or", () => {
    const text = "corpus/a.md at https://example.com/a/b via /reindex, and/or later";
    expect(redactPaths(text)).toBe(text);
  });
});
