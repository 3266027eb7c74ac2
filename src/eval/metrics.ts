/**
 * The evaluation metrics of ../shared/eval/README.md, computed exactly as its reference scorer
 * (score.mjs) does: hit@3, answer (length-limited), lenient, abstain, false-abstain, quotes-verbatim.
 */

export type EvalItem =
  | { id?: string; kind: "factoid"; question: string; answers: string[]; evidence: string[] }
  | { id?: string; kind: "list"; question: string; members: string[][]; evidence: string[] }
  | { id?: string; kind: "unanswerable"; question: string };

/** The part of an answer line the metrics read. */
export interface EvalReply {
  answer: string | null;
  excerpts: Array<{ text: string }>;
}

export interface EvalReport {
  hit3: number | null;
  answer: number | null;
  lenient: number | null;
  abstain: number | null;
  falseAbstain: number | null;
  quotes: number | null;
  tooLong: number;
  n: number;
  misses: string[];
}

/** Answers longer than these do not count: a paragraph dumped as the answer is not a short answer. */
export const MAX_FACTOID_ANSWER = 250;
export const MAX_LIST_ANSWER = 400;
/** A list answer counts when it names this share of the members. */
export const LIST_RECALL = 0.8;

/** The scorer's text normalisation: NFKC, straight quotes and dashes, no markdown, folded space and case. */
export function normalise(s: string): string {
  return String(s)
    .normalize("NFKC")
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/!?\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])?/g, "$1")
    .replace(/\*\*|__|`|^#+ /gm, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Scores `replies` (one per item, same order) against `items`; `corpusText` is every corpus file joined. */
export function scoreReplies(items: EvalItem[], replies: EvalReply[], corpusText: string): EvalReport {
  const corpus = normalise(corpusText);
  const has = (text: string, alias: string): boolean => normalise(text).includes(normalise(alias));
  let hit = 0, hitN = 0, ans = 0, lenient = 0, ansN = 0, abst = 0, abstN = 0, falseAbst = 0, quotes = 0, quotesOk = 0, tooLong = 0;
  const misses: string[] = [];
  items.forEach((q, i) => {
    const r = replies[i] ?? { answer: null, excerpts: [] };
    const id = q.id ?? `#${i + 1}`;
    for (const e of r.excerpts) {
      quotes++;
      const parts = String(e.text ?? "").split(/…|\.\.\./).map(normalise).filter((p) => p.length > 3);
      if (parts.length && parts.every((p) => corpus.includes(p))) quotesOk++;
      else misses.push(`${id} quote not verbatim: ${e.text.slice(0, 80)}`);
    }
    if (q.kind === "unanswerable") {
      abstN++;
      if (r.answer === null) abst++;
      else misses.push(`${id} should abstain: ${r.answer.slice(0, 80)}`);
      return;
    }
    hitN++;
    if (r.excerpts.slice(0, 3).some((e) => q.evidence.some((ev) => has(e.text ?? "", ev)))) hit++;
    else misses.push(`${id} evidence not in top 3`);
    ansN++;
    if (r.answer === null) {
      falseAbst++;
      misses.push(`${id} abstained`);
      return;
    }
    const limit = q.kind === "list" ? MAX_LIST_ANSWER : MAX_FACTOID_ANSWER;
    if (r.answer.length > limit) tooLong++;
    const answer = r.answer;
    const ok =
      q.kind === "list"
        ? q.members.filter((m) => m.some((a) => has(answer, a))).length / q.members.length >= LIST_RECALL
        : q.answers.some((a) => has(answer, a));
    if (ok) lenient++;
    if (ok && answer.length <= limit) ans++;
    else misses.push(`${id} answer: ${answer.slice(0, 100)}`);
  });
  const ratio = (a: number, b: number): number | null => (b ? a / b : null);
  return {
    hit3: ratio(hit, hitN),
    answer: ratio(ans, ansN),
    lenient: ratio(lenient, ansN),
    abstain: ratio(abst, abstN),
    falseAbstain: ratio(falseAbst, ansN),
    quotes: ratio(quotesOk, quotes),
    tooLong,
    n: items.length,
    misses,
  };
}

/** One line of figures, in the reference scorer's words. */
export function formatReport(r: EvalReport): string {
  const pct = (x: number | null): string => (x === null ? "n/a" : `${(100 * x).toFixed(0)}%`);
  return `hit@3 ${pct(r.hit3)} | answer ${pct(r.answer)} | lenient ${pct(r.lenient)} | abstain ${pct(r.abstain)} | false-abstain ${pct(r.falseAbstain)} | quotes-verbatim ${pct(r.quotes)} | too-long ${r.tooLong} | ${r.n} q`;
}
