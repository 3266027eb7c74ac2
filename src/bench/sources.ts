/**
 * Where the benchmark's real English text comes from: HTML manuals shipped by Debian
 * documentation packages. They are found either installed (`/usr/share/doc/…`) or unpacked by
 * `npm run bench:setup` into `.cache/bench-debs/root/usr/share/doc/…` (no system change).
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** One documentation package and the part of it that becomes corpus files. */
export interface DocSource {
  /** Short name, used as the top folder of the converted corpus. */
  name: string;
  /** Debian package name (`apt-get install` / `apt-get download` it). */
  debPackage: string;
  /** Folder holding the HTML pages, relative to a filesystem root. */
  htmlDir: string;
  /** Paths (relative to `htmlDir`, `/` separated) that are not prose: indexes, search, assets, translations. */
  exclude: RegExp;
  /**
   * 1: the manuals every size draws from. 2: extra text used only when the manuals run out
   * (about 500k passages), so that the 10k and 100k corpora stay the same when it is added.
   */
  tier: 1 | 2;
}

/**
 * Tier 1, three manuals: ≈ 110 MB of HTML, 50 M chars of text, ≈ 500k Verbatim passages.
 * Tier 2, for 1M: the Django manual and the Java SE API reference (javadoc), ≈ 65 M chars more.
 * `nodejs-doc` is deliberately absent: installing it removes Node.js on Debian.
 */
export const DOC_SOURCES: readonly DocSource[] = [
  {
    name: "python",
    debPackage: "python3.11-doc",
    htmlDir: "usr/share/doc/python3.11/html",
    exclude: /^(_sources|_static|_images|_downloads)\/|^(genindex[^/]*|search|py-modindex)\.html$/,
    tier: 1,
  },
  {
    name: "postgresql",
    debPackage: "postgresql-doc-15",
    htmlDir: "usr/share/doc/postgresql-doc-15/html",
    exclude: /^bookindex\.html$/,
    tier: 1,
  },
  {
    name: "linux",
    debPackage: "linux-doc-6.12",
    htmlDir: "usr/share/doc/linux-doc-6.12/html",
    exclude: /^(_sources|_static|_images|_downloads|translations)\/|^(genindex|search)\.html$/,
    tier: 1,
  },
  {
    name: "django",
    debPackage: "python-django-doc",
    htmlDir: "usr/share/doc/python-django-doc/html",
    exclude: /^(_sources|_static|_images|_downloads)\/|^(genindex[^/]*|search|py-modindex)\.html$/,
    tier: 2,
  },
  {
    name: "java",
    // openjdk-17-doc installs its pages under the JRE's doc folder (api is a symlink to it)
    debPackage: "openjdk-17-doc",
    htmlDir: "usr/share/doc/openjdk-17-jre-headless/api",
    // usage lists, alphabetical indexes and trees are generated lists, not prose
    exclude:
      /(^|\/)(class-use|index-files|script-dir|resources|legal)\/|(^|\/)(package-tree|index-all|allclasses-index|allpackages-index|overview-tree|deprecated-list|constant-values|serialized-form|search|help-doc|new-list|preview-list|system-properties|external-specs|index)\.html$/,
    tier: 2,
  },
];

/** Where `bench:setup` unpacks the packages, relative to the repository root. */
export const DEB_ROOT = ".cache/bench-debs/root";

/** A source found on this machine. */
export interface FoundSource extends DocSource {
  /** Absolute folder of its HTML pages. */
  dir: string;
}

/** Looks for each source installed, then unpacked under `debRoot`. */
export function locateSources(
  debRoot: string,
  sources: readonly DocSource[] = DOC_SOURCES,
): { found: FoundSource[]; missing: DocSource[] } {
  const found: FoundSource[] = [];
  const missing: DocSource[] = [];
  for (const source of sources) {
    const dir = ["/", debRoot].map((root) => path.resolve(root, source.htmlDir)).find((d) => existsSync(d));
    if (dir) found.push({ ...source, dir });
    else missing.push(source);
  }
  return { found, missing };
}

/** The message printed when no (or not all) documentation packages are present. */
export function missingSourcesMessage(missing: readonly DocSource[]): string {
  const names = missing.map((s) => s.debPackage).join(" ");
  return [
    `bench: documentation packages not found: ${names}`,
    "The benchmark corpus is built from Debian's HTML manuals. Either:",
    "  npm run bench:setup            # apt-get download + unpack into .cache/bench-debs (changes nothing on the system)",
    `  apt-get update && apt-get install --no-remove ${names}   # as root, installs under /usr/share/doc`,
    "(Never install nodejs-doc: on Debian it removes Node.js.)",
  ].join("\n");
}
