import { describe, expect, it } from "vitest";
import { selectFiles } from "../../src/bench/corpus.js";
import { splitPassages } from "../../src/bench/passages.js";
import { parseSize } from "../../src/bench/run.js";
import { locateSources, missingSourcesMessage } from "../../src/bench/sources.js";

const FILES = Array.from({ length: 200 }, (_, i) => ({ path: `f${String(i).padStart(3, "0")}.md`, chars: 1000 + (i % 7) * 500 }));

describe("selectFiles", () => {
  it("picks a deterministic, sorted mix of files reaching the passage target", () => {
    const picked = selectFiles(FILES, 100, 100, 42)!;
    expect(selectFiles(FILES, 100, 100, 42)).toEqual(picked);
    expect(picked.map((f) => f.path)).toEqual([...picked.map((f) => f.path)].sort());
    const estimate = picked.reduce((s, f) => s + f.chars / 100, 0);
    expect(estimate).toBeGreaterThanOrEqual(100);
    expect(estimate).toBeLessThan(100 + 35);
  });

  it("draws from tier 2 only when tier 1 is not enough", () => {
    const extra = FILES.map((f) => ({ ...f, path: `x/${f.path}`, tier: 2 as const }));
    expect(selectFiles([...FILES, ...extra], 1000, 100, 1)!.every((f) => !f.path.startsWith("x/"))).toBe(true);
    const big = selectFiles([...FILES, ...extra], 6000, 100, 1)!;
    expect(big.filter((f) => !f.path.startsWith("x/"))).toHaveLength(FILES.length);
    expect(big.some((f) => f.path.startsWith("x/"))).toBe(true);
  });

  it("returns null when the corpus is too small for the target", () => {
    expect(selectFiles(FILES, 1e6, 100, 1)).toBeNull();
  });

  it("passes over a file larger than a twentieth of the target while smaller ones suffice", () => {
    const files = [{ path: "huge.md", chars: 1_000_000 }, ...FILES];
    expect(selectFiles(files, 100, 100, 3)!.some((f) => f.path === "huge.md")).toBe(false);
  });
});

describe("splitPassages", () => {
  it("cuts at blank lines, merges short paragraphs, and keeps exact offsets", () => {
    const text = `# Title\n\n${"Short one. ".repeat(3)}\n\n${"A longer sentence that goes on for a while. ".repeat(40)}\n\nTail.\n`;
    const passages = splitPassages("a.md", text);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) {
      expect(p.text).toBe(text.slice(p.start, p.end));
      expect(p.text.length).toBeLessThanOrEqual(700 + 250 + 50);
    }
  });
});

describe("parseSize", () => {
  it("reads k and m suffixes and plain counts", () => {
    expect(parseSize("10k")).toEqual({ label: "10k", passages: 10_000 });
    expect(parseSize("1M")).toEqual({ label: "1m", passages: 1_000_000 });
    expect(parseSize("2500")).toEqual({ label: "2500", passages: 2500 });
    expect(() => parseSize("ten")).toThrow(/bad size "ten"/);
  });
});

describe("locateSources", () => {
  it("reports missing packages with the commands that fetch them", () => {
    const source = { name: "x", debPackage: "nothing-doc", htmlDir: "no/such/dir/for/bench", exclude: /^$/, tier: 1 as const };
    const { found, missing } = locateSources("/nonexistent-root", [source]);
    expect(found).toEqual([]);
    const message = missingSourcesMessage(missing);
    expect(message).toContain("nothing-doc");
    expect(message).toContain("npm run bench:setup");
    expect(message).toContain("apt-get install --no-remove nothing-doc");
  });
});
