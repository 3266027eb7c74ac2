import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndexAsync, createEngine } from "../../src/engine.js";
import { compactCut, type CompactCut } from "../../src/search/compact.js";
import { cutInThreads, THREADS_ABOVE_CHARS, threadsFor } from "../../src/search/cut-threads.js";
import type { Doc } from "../../src/types.js";
import { docOf, REAL_CORPUS } from "../support/corpus.js";

let docs: Doc[];
beforeAll(async () => {
  docs = (await loadCorpus(REAL_CORPUS)).docs;
});

/** A cut with its term ids turned back into terms, to compare cuts made with different vocabularies. */
function readable(cut: CompactCut, terms: readonly string[]): unknown {
  return { ...cut, passages: [...cut.passages], terms: Array.from(cut.terms, (t) => terms[t]) };
}

describe("cutInThreads", () => {
  it("cuts every document as this thread does, handing them back in order", async () => {
    const vocabulary: string[] = [];
    const ids = new Map<string, number>();
    const termId = (term: string): number => ids.get(term) ?? (ids.set(term, vocabulary.push(term) - 1), vocabulary.length - 1);
    // the real corpus, twice over, so both threads get work and answers can arrive out of order
    const many = [...docs, ...docs.map((d) => ({ ...d, path: `copy/${d.path}` }))];
    const seen: Array<[string, unknown]> = [];
    await cutInThreads(many, 2, termId, (doc, cut) => seen.push([doc.path, readable(cut, vocabulary)]));
    const local: string[] = [];
    const expected = many.map((d) => {
      const cut = compactCut(d.text, d.title, (t) => local.indexOf(t) + 1 || local.push(t));
      return [d.path, readable({ ...cut, terms: cut.terms.map((t) => t - 1) }, local)];
    });
    expect(seen).toEqual(expected);
  });

  it("rejects naming the document that cannot be cut, after handing back the ones before it", async () => {
    const broken = { ...docOf("broken.md", "x"), text: undefined as unknown as string };
    const handed: string[] = [];
    const error = await cutInThreads([...docs, broken], 2, () => 0, (doc) => handed.push(doc.path)).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^cannot index broken\.md: \S/);
    expect(handed).toEqual(docs.map((d) => d.path));
  });

  it("is used only for a corpus worth the threads' start-up", () => {
    expect(threadsFor(THREADS_ABOVE_CHARS - 1)).toBe(0);
    expect(threadsFor(THREADS_ABOVE_CHARS)).not.toBe(1);
  });
});

describe("an index built in threads", () => {
  it("holds the same passages and answers the same as one built in this thread", async () => {
    const threaded = await buildIndexAsync(docs, { threads: 2 });
    const single = await buildIndexAsync(docs, { threads: 0 });
    expect(threaded.passages).toEqual(single.passages);
    for (const q of ["Who is standing for deputy leader?", "When was Ivan Lewis suspended?", "Tooting MP"]) {
      expect(threaded.search(q, 10)).toEqual(single.search(q, 10));
    }
    const engine = await createEngine({ corpusDir: REAL_CORPUS, cacheDir: null, indexThreads: 2 });
    expect(engine.answer("Who is standing for deputy leader?").answer).toMatch(/Rayner/);
  });

  it("falls back to this thread, with a warning, when a thread fails", async () => {
    const warnings: string[] = [];
    const broken = { ...docOf("broken.md", "x"), text: undefined as unknown as string };
    // the broken document fails in a thread, then again here, with its own error
    await expect(buildIndexAsync([...docs, broken], { threads: 2, onWarning: (m) => warnings.push(m) })).rejects.toThrow(TypeError);
    expect(warnings).toEqual([expect.stringMatching(/cannot index broken\.md.*indexing the rest in one thread/)]);
  });
});
