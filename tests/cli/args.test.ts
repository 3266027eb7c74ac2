import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../src/cli/args.js";

describe("parseCliArgs", () => {
  it("takes the corpus, the cache folder and the indexing threads from the environment", () => {
    expect(parseCliArgs(["q"], {})).toEqual({ corpusDir: "corpus", cacheDir: ".cache/index", json: false, help: false, positionals: ["q"] });
    const args = parseCliArgs(["--json", "--corpus", "docs"], { CORPUS_DIR: "ignored", INDEX_CACHE_DIR: "off", INDEX_THREADS: " 0 " });
    expect(args).toMatchObject({ corpusDir: "docs", cacheDir: null, indexThreads: 0, json: true });
    expect(parseCliArgs([], { INDEX_THREADS: "" }).indexThreads).toBeUndefined();
  });

  it("refuses a bad INDEX_THREADS, naming it", () => {
    expect(() => parseCliArgs([], { INDEX_THREADS: "lots" })).toThrow(/INDEX_THREADS must be a whole number from 0 .* got "lots"/);
  });
});
