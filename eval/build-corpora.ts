/**
 * Builds the evaluation corpora in eval/corpora/ from Debian packages: `apt-get download` +
 * `dpkg-deb -x` into .cache/eval-debs (nothing is installed), HTML turned into GitHub Markdown by
 * pandoc, dictionaries into plain text. The built corpora are committed, so `npm run eval` needs
 * neither apt nor pandoc; run this only to rebuild them:
 *
 *   apt-get install --no-remove pandoc groff-base && npx tsx eval/build-corpora.ts
 *
 * Genres: news (the seeds), API reference (Python's library pages), FAQ (Python's FAQ), manual
 * (PostgreSQL), rules (Debian Policy), glossary (the Jargon File), and a plain-text manual with
 * its FAQ and reference pages (Git's manual pages, rendered by pandoc to plain text). Three more
 * were first asked as probes, their first 60 questions read while working (all `tune`) and 40
 * written afterwards for `test`: SQLite's FAQ, CLI manual and reference pages (Markdown), Unix
 * manuals (tmux's manual page rendered by groff, the Z shell and fetchmail FAQs) and libcurl
 * (Markdown guides, a plain-text FAQ, API manual pages); then two more the same way: NetHack's
 * Guidebook (a game's rules, paginated plain text) and jq's manual page with GnuPG's DETAILS
 * (a format reference in Org-mode text). The Node.js documentation and
 * the Debian FAQ are kept for judging and must never be added here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DEBS = path.join(ROOT, ".cache/eval-debs");
/** Where the corpora are written: eval/corpora, or EVAL_CORPORA_OUT (to compare a rebuild with what is committed). */
const OUT = process.env.EVAL_CORPORA_OUT ?? path.join(ROOT, "eval/corpora");
const PACKAGES = ["python3.11-doc", "postgresql-doc-15", "debian-policy", "dict-jargon", "git-doc", "sqlite3-doc", "zsh-doc", "fetchmail", "tmux", "libcurl4-doc", "nethack-common", "jq", "gnupg"];

function fetchPackages(): string {
  const root = path.join(DEBS, "root");
  if (existsSync(path.join(root, "usr/share/dictd/jargon.index")) && existsSync(path.join(root, "usr/share/doc/libcurl4")) && existsSync(path.join(root, "usr/share/doc/nethack-common"))) return root;
  mkdirSync(root, { recursive: true });
  execFileSync("apt-get", ["download", ...PACKAGES], { cwd: DEBS, stdio: "inherit" });
  for (const deb of readdirSync(DEBS).filter((f) => f.endsWith(".deb"))) {
    execFileSync("dpkg-deb", ["-x", path.join(DEBS, deb), root]);
  }
  return root;
}

/** The main content of a Sphinx page (Python, Debian Policy) or a DocBook page (PostgreSQL). */
function mainHtml(html: string): string {
  const sphinx = html.indexOf('role="main"');
  if (sphinx >= 0) {
    const from = html.indexOf(">", sphinx) + 1;
    const ends = ['<div class="sphinxsidebar"', '<div class="footer"', '<footer'].map((m) => html.indexOf(m, from)).filter((i) => i > 0);
    return html.slice(from, Math.min(...ends));
  }
  const header = html.indexOf('<div class="navheader">');
  const from = header >= 0 ? html.indexOf("</div>", header) + 6 : html.indexOf("<body");
  const to = html.indexOf('<div class="navfooter">');
  return html.slice(from, to > 0 ? to : undefined);
}

function titleOf(html: string): string {
  const m = /<title>([\s\S]*?)<\/title>/.exec(html);
  return (m?.[1] ?? "").replace(/\s+/g, " ").replace(/&#8212;|&mdash;/g, "—").replace(/&amp;/g, "&").trim();
}

function toMarkdown(page: string): string {
  // Layout wrappers (div, span) and Sphinx's in-page table of contents are not document text.
  const html = page.replace(/<nav class="contents"[\s\S]*?<\/nav>/g, "").replace(/<\/?(div|span)\b[^>]*>/g, "");
  const md = execFileSync("pandoc", ["-f", "html", "-t", "gfm-raw_html", "--wrap=none"], { input: html, maxBuffer: 64 << 20 }).toString();
  // Sphinx permalinks ("¶") and empty anchors are navigation, not text.
  return md
    .replace(/\[¶\]\([^)]*\)/g, "")
    .replace(/^<\/?(div|section)\b[^>]*>$/gm, "")
    .replace(/^(#+) \[(.*)\]\(#[^)]*\)$/gm, "$1 $2").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

function writeDoc(corpus: string, name: string, title: string, source: string, body: string): void {
  const dir = path.join(OUT, corpus);
  mkdirSync(dir, { recursive: true });
  const front = `---\ntitle: ${JSON.stringify(title)}\nsource: ${JSON.stringify(source)}\n---\n\n`;
  writeFileSync(path.join(dir, name), front + body);
}

function htmlCorpus(root: string, corpus: string, dir: string, files: string[], source: string): void {
  for (const file of files) {
    const html = readFileSync(path.join(root, dir, file), "utf8");
    const name = file.replace(/\//g, "-").replace(/\.html$/, ".md");
    writeDoc(corpus, name, titleOf(html), source, toMarkdown(mainHtml(html)));
  }
}

/**
 * HTML pages as plain text, the way a manual is often dropped in as `.txt`: pandoc's plain
 * writer wraps at 78 columns, headings become bare lines and definition lists indented blocks.
 */
function plainCorpus(root: string, corpus: string, dir: string, files: string[], source: string): void {
  for (const file of files) {
    const html = readFileSync(path.join(root, dir, file), "utf8");
    const text = execFileSync("pandoc", ["-f", "html", "-t", "plain", "--columns=78"], { input: html, maxBuffer: 64 << 20 }).toString();
    writeDoc(corpus, file.replace(/\.html$/, ".txt"), titleOf(html), source, text.replace(/\n{3,}/g, "\n\n").trim() + "\n");
  }
}

/** The Jargon File's dictd database as one plain-text file per initial letter. */
function jargonCorpus(root: string): void {
  const text = gunzipSync(readFileSync(path.join(root, "usr/share/dictd/jargon.dict.dz"))).toString("utf8");
  const index = readFileSync(path.join(root, "usr/share/dictd/jargon.index"), "utf8").split("\n");
  const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const num = (s: string) => [...s].reduce((n, c) => n * 64 + b64.indexOf(c), 0);
  const buf = Buffer.from(text, "utf8");
  const byLetter = new Map<string, string[]>();
  for (const line of index) {
    const [word, off, len] = line.split("\t");
    if (!word || !off || !len || word.startsWith("00-database")) continue;
    const entry = buf.subarray(num(off), num(off) + num(len)).toString("utf8").trimEnd();
    const letter = /^[a-z]/i.test(word) ? word[0]!.toUpperCase() : "0-9";
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
  }
  const dir = path.join(OUT, "jargon");
  mkdirSync(dir, { recursive: true });
  for (const [letter, entries] of byLetter) {
    writeFileSync(path.join(dir, `jargon-${letter}.txt`), `The Jargon File 4.4.7 — entries under ${letter}\n\n${entries.join("\n\n")}\n`);
  }
}

/**
 * SQLite's documentation (sqlite3-doc): its FAQ, CLI manual and reference pages, from the first
 * heading after the page's menu, syntax diagrams and scripts left out, as GitHub Markdown.
 */
function sqliteCorpus(root: string): void {
  for (const page of SQLITE) {
    let html = readFileSync(path.join(root, "usr/share/doc/sqlite3", `${page}.html`), "utf8")
      .replace(/<svg[\s\S]*?<\/svg>/g, "")
      .replace(/<script[\s\S]*?<\/script>/g, "");
    const menu = html.indexOf("<div class=nosearch>");
    const heading = menu >= 0 ? html.slice(menu).search(/<h[12]/) : -1;
    if (heading >= 0) html = html.slice(menu + heading);
    html = html.replace(/<div class="?fancy_toc"?[\s\S]*?<\/div>\s*<\/div>/g, "");
    const md = execFileSync("pandoc", ["-f", "html", "-t", "gfm-raw_html", "--wrap=none"], { input: html, maxBuffer: 64 << 20 }).toString();
    const title = /<title>([^<]*)<\/title>/.exec(readFileSync(path.join(root, "usr/share/doc/sqlite3", `${page}.html`), "utf8"))?.[1] ?? page;
    writeDoc("sqlite", `${page.replace(/\//g, "-")}.md`, title, "sqlite3-doc", md);
  }
}

/** A manual page rendered as `man` shows it, in plain text (groff), its words broken at line ends joined again. */
function manPage(file: string, macros: "-mandoc" | "-man", extra: string[] = []): string {
  const source = gunzipSync(readFileSync(file));
  const text = execFileSync("sh", ["-c", `groff ${macros} ${extra.join(" ")} -Tutf8 -P-cbou 2>/dev/null | col -bx`], { input: source, maxBuffer: 64 << 20 }).toString();
  return text.replace(/(\w)‐\n(\s+)(\S+)/g, "$1$3\n$2");
}

/**
 * Manuals of Unix programs in three shapes: tmux's manual page as plain text (its footer dated
 * the day groff renders it), the Z shell FAQ's chapters (zsh-doc) and the fetchmail FAQ
 * (fetchmail) as GitHub Markdown.
 */
function unixManualsCorpus(root: string): void {
  writeDoc("unix-manuals", "tmux.txt", "tmux(1) manual page", "tmux", manPage(path.join(root, "usr/share/man/man1/tmux.1.gz"), "-mandoc", ["-rHY=0"]));
  for (let n = 1; n <= 6; n++) {
    const file = path.join(root, `usr/share/doc/zsh-common/html/FAQ0${n}.html`);
    const html = readFileSync(file, "utf8");
    const body = html.slice(html.indexOf("<body")).replace(/<div class="header">[\s\S]*?<\/div>/g, "").replace(/<div class="(?:nav-panel|navigation)">[\s\S]*?<\/div>/g, "");
    const md = execFileSync("pandoc", ["-f", "html", "-t", "gfm-raw_html", "--wrap=none"], { input: body, maxBuffer: 64 << 20 }).toString();
    writeDoc("unix-manuals", `zsh-FAQ0${n}.md`, /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? `FAQ0${n}`, "zsh-doc", md);
  }
  const faq = readFileSync(path.join(root, "usr/share/doc/fetchmail/fetchmail-FAQ.html"), "latin1");
  const md = execFileSync("pandoc", ["-f", "html", "-t", "gfm-raw_html", "--wrap=none"], { input: faq.slice(faq.indexOf("<body")), maxBuffer: 64 << 20 }).toString();
  writeDoc("unix-manuals", "fetchmail-FAQ.md", "The fetchmail FAQ", "fetchmail", md);
}

/** libcurl's guides (Markdown as shipped), the curl FAQ (plain text as shipped) and API manual pages rendered as plain text, without front matter. */
function libcurlCorpus(root: string): void {
  const dir = path.join(OUT, "libcurl");
  mkdirSync(dir, { recursive: true });
  const docs = path.join(root, "usr/share/doc/libcurl4");
  for (const name of LIBCURL_GUIDES) {
    const gz = path.join(docs, `${name}.gz`);
    const text = existsSync(gz) ? gunzipSync(readFileSync(gz)) : readFileSync(path.join(docs, name));
    writeFileSync(path.join(dir, name === "FAQ" ? "FAQ.txt" : name), text);
  }
  for (const page of LIBCURL_PAGES) {
    writeFileSync(path.join(dir, `${page}.3.txt`), manPage(path.join(root, `usr/share/man/man3/${page}.3.gz`), "-man", ["-dAD=l", "-rHY=0"]));
  }
}

/** NetHack's Guidebook: a game's rules and manual, a paginated plain text as shipped (nethack-common). */
function nethackCorpus(root: string): void {
  const dir = path.join(OUT, "nethack");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "Guidebook.txt"), gunzipSync(readFileSync(path.join(root, "usr/share/doc/nethack-common/Guidebook.txt.gz"))));
}

/** jq's manual page rendered as plain text (jq), and GnuPG's DETAILS, a format reference in Org mode text as shipped (gnupg). */
function jqGnupgCorpus(root: string): void {
  const dir = path.join(OUT, "jq-gnupg");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "jq.txt"), manPage(path.join(root, "usr/share/man/man1/jq.1.gz"), "-man"));
  writeFileSync(path.join(dir, "gnupg-DETAILS.txt"), gunzipSync(readFileSync(path.join(root, "usr/share/doc/gnupg/DETAILS.gz"))));
}

const SQLITE = ["faq", "cli", "datatype3", "lang_createtable", "autoinc", "foreignkeys", "wal", "limits", "lang_datefunc", "json1", "lang_upsert", "quirks", "whentouse", "lang_transaction", "c3ref/open", "c3ref/exec", "c3ref/busy_timeout", "lang_vacuum"];
const LIBCURL_GUIDES = ["FAQ", "HTTP-COOKIES.md", "URL-SYNTAX.md", "SSLCERTS.md", "TheArtOfHttpScripting.md", "DYNBUF.md", "PARALLEL-TRANSFERS.md", "VERSIONS.md", "HSTS.md"];
const LIBCURL_PAGES = ["CURLOPT_TIMEOUT", "CURLOPT_CONNECTTIMEOUT", "CURLOPT_FOLLOWLOCATION", "CURLOPT_MAXREDIRS", "CURLOPT_USERAGENT", "CURLOPT_SSL_VERIFYPEER", "CURLOPT_LOW_SPEED_LIMIT", "CURLOPT_BUFFERSIZE", "CURLOPT_NOPROGRESS", "curl_easy_perform", "curl_easy_init"];
const PY_LIBRARY = ["json", "csv", "pathlib", "shutil", "argparse", "logging", "datetime", "random", "re", "collections", "itertools", "functools", "subprocess", "sqlite3", "zipfile", "hashlib", "secrets", "uuid", "statistics", "textwrap", "tempfile", "glob", "heapq", "bisect", "enum", "dataclasses", "timeit", "venv", "os.path", "string"];
const PY_FAQ = ["general", "programming", "design", "library", "extending", "windows", "gui", "installed"];
const PG_MANUAL = [
  "tutorial-install", "tutorial-createdb", "tutorial-table", "tutorial-populate", "tutorial-select", "tutorial-join", "tutorial-agg", "tutorial-update", "tutorial-delete",
  "tutorial-views", "tutorial-fk", "tutorial-transactions", "tutorial-window", "tutorial-inheritance",
  "backup-dump", "backup-file", "continuous-archiving", "routine-vacuuming", "routine-reindex", "logfile-maintenance",
  "runtime-config-connection", "runtime-config-resource", "runtime-config-logging", "runtime-config-autovacuum", "server-start", "server-shutdown", "upgrading",
  "auth-pg-hba-conf", "auth-password", "role-attributes", "ddl-constraints", "ddl-default", "indexes-types", "indexes-multicolumn", "indexes-partial",
  "app-psql", "app-pgdump", "app-pgrestore", "datatype-numeric", "datatype-datetime", "functions-string", "sql-createtable", "sql-vacuum", "mvcc-intro", "explicit-locking",
];
const GIT = [
  "gitfaq", "giteveryday", "gittutorial", "gittutorial-2", "gitglossary", "gitworkflows", "gitrevisions", "gitignore", "githooks", "gitcli",
  "gitcredentials", "gitsubmodules", "user-manual", "git-add", "git-bisect", "git-blame", "git-branch", "git-cherry-pick", "git-clean", "git-clone",
  "git-commit", "git-gc", "git-merge", "git-mv", "git-push", "git-rebase", "git-reflog", "git-remote", "git-reset", "git-restore", "git-revert",
  "git-rm", "git-stash", "git-status", "git-switch", "git-tag", "git-worktree",
];
const POLICY = ["ch-scope", "ch-archive", "ch-binary", "ch-source", "ch-controlfields", "ch-relationships", "ch-sharedlibs", "ch-opersys", "ch-files", "ch-customized-programs", "ch-docs", "ch-maintainerscripts", "ap-pkg-alternatives", "ap-pkg-conffiles"];

const root = fetchPackages();
rmSync(OUT, { recursive: true, force: true });
for (const f of readdirSync(path.join(ROOT, "corpus"))) {
  mkdirSync(path.join(OUT, "news"), { recursive: true });
  copyFileSync(path.join(ROOT, "corpus", f), path.join(OUT, "news", f));
}
htmlCorpus(root, "python-library", "usr/share/doc/python3.11/html/library", PY_LIBRARY.map((m) => `${m}.html`), "Python 3.11 documentation (python3.11-doc)");
htmlCorpus(root, "python-faq", "usr/share/doc/python3.11/html/faq", PY_FAQ.map((m) => `${m}.html`), "Python 3.11 FAQ (python3.11-doc)");
htmlCorpus(root, "postgresql", "usr/share/doc/postgresql-doc-15/html", PG_MANUAL.map((m) => `${m}.html`), "PostgreSQL 15 documentation (postgresql-doc-15)");
htmlCorpus(root, "debian-policy", "usr/share/doc/debian-policy/policy.html", POLICY.map((m) => `${m}.html`), "Debian Policy Manual 4.6.2 (debian-policy)");
jargonCorpus(root);
plainCorpus(root, "git", "usr/share/doc/git-doc", GIT.map((m) => `${m}.html`), "Git 2.39 manual pages (git-doc)");
sqliteCorpus(root);
unixManualsCorpus(root);
libcurlCorpus(root);
nethackCorpus(root);
jqGnupgCorpus(root);
console.log(`eval corpora written to ${path.relative(ROOT, OUT)}`);
