/**
 * Packages only indexing needs, loaded when first used. A start from a saved index answers
 * without reading any Markdown or YAML, and importing the Markdown reader (micromark, mdast, GFM)
 * and `yaml` took ≈ 300-400 ms of a cold start at 100k passages (2 busy cores). `require` loads
 * these ES modules synchronously (Node ≥ 20.19), so the readers stay plain functions.
 */
import { createRequire } from "node:module";

/** Loads a package synchronously; type it with `typeof import("name")`. */
export const requirePackage = createRequire(import.meta.url) as <T>(name: string) => T;

/** `make()`'s result, made on the first call and kept. */
export function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
