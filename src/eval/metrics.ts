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
  confidence?: number;
  excerpts: Array<{ text: string }>;
}

/** Whether one reply is right: answered correctly, or abstained on an unanswerable question. */
export function isRight(q: EvalItem, r: EvalReply): boolean {
  if (q.kind === "unanswerable") return r.answer === null;
  return r.answer !== null && answerHolds(q, r.answer) && r.answer.length <= (q.kind === "list" ? MAX_LIST_ANSWER : MAX_FACTOID_ANSWER);
}

/** The answer names the gold answer (an alias, or 80% of a list's members), whatever its length. */
function answerHolds(q: Exclude<EvalItem, { kind: "unanswerable" }>, answer: string): boolean {
  const has = (text: string, alias: string): boolean => normalise(text).includes(normalise(alias));
  return q.kind === "list"
    ? q.members.filter((m) => m.some((a) => has(answer, a))).length / q.members.length >= LIST_RECALL
    : q.answers.some((a) => has(answer, a));
}

/** One row of a reliability table: answers given with confidence in [from, to), and how many were right. */
export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  right: number;
  meanConfidence: number;
}

/**
 * How well `confidence` predicts a right answer: the answered replies (abstentions aside) in
 * `bins` equal bins of confidence, each with its share of right answers.
 */
export function reliability(items: EvalItem[], replies: EvalReply[], bins = 5): ReliabilityBin[] {
  const rows = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, n: 0, right: 0, meanConfidence: 0 }));
  items.forEach((q, i) => {
    const r = replies[i];
    if (!r || r.answer === null) return;
    const c = r.confidence ?? 0;
    const row = rows[Math.min(bins - 1, Math.floor(c * bins))] as ReliabilityBin;
    row.n++;
    row.meanConfidence += c;
    if (isRight(q, r)) row.right++;
  });
  for (const row of rows) row.meanConfidence = row.n ? row.meanConfidence / row.n : 0;
  return rows;
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
    const ok = answerHolds(q, answer);
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
