/**
 * `npm run quote-shape -- DIR…`: asks every heading of each Markdown corpus as a question and
 * prints the share of quoted pieces that cut inline code and of fragments under 25 characters
 * (issue 9's targets: at most 1% each). Uses no saved index.
 */
import { readFile, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { isMarkdownPath, parseMarkdown } from "../corpus/mdast.js";
import { createEngine } from "../engine.js";
import { emptyShape, MIN_PIECE_CHARS, shapeDocOf, tallyExcerpt, type ShapeDoc } from "../eval/quote-shape.js";

const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(2)}%`;

async function measure(dir: string, verbose: boolean): Promise<string> {
  const docs = new Map<string, ShapeDoc>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !isMarkdownPath(entry.name)) continue;
    const full = join(entry.parentPath, entry.name);
    const text = (await readFile(full, "utf8")).replace(/^\uFEFF/, "");
    docs.set(relative(dir, full).split(sep).join("/"), shapeDocOf(text, parseMarkdown(text)));
  }
  const engine = await createEngine({ corpusDir: dir, cacheDir: null });
  const shape = emptyShape();
  const questions = new Set([...docs.values()].flatMap((d) => d.headings));
  for (const question of questions) {
    shape.questions++;
    for (const excerpt of engine.answer(question).excerpts) {
      const doc = docs.get(excerpt.doc);
      if (doc) tallyExcerpt(shape, doc, excerpt);
    }
  }
  const lines = [
    `${dir}: ${docs.size} files, ${shape.questions} headings asked, ${shape.pieces} quoted pieces; ` +
      `cut inline code ${shape.cutCode} (${pct(shape.cutCode, shape.pieces)}), ` +
      `under ${MIN_PIECE_CHARS} chars ${shape.fragments} (${pct(shape.fragments, shape.pieces)})`,
  ];
  if (verbose) {
    for (const e of shape.examples.cutCode) lines.push(`  cut code: ${JSON.stringify(e)}`);
    for (const e of shape.examples.fragments) lines.push(`  fragment: ${JSON.stringify(e)}`);
  }
  return lines.join("\n");
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--examples");
  const dirs = args.filter((a) => !a.startsWith("--"));
  if (dirs.length === 0) {
    process.stderr.write("usage: npm run quote-shape -- [--examples] DIR…\n");
    return 2;
  }
  for (const dir of dirs) process.stdout.write(`${await measure(dir, verbose)}\n`);
  return 0;
}

process.exitCode = await main();
