/**
 * The core's vocabulary: what a corpus, an index and an answer are.
 * Nothing here imports discord.js or touches the file system.
 */

/** Metadata a document may declare in front matter, or that is derived from it. */
export interface DocMeta {
  /** Title from front matter, else the first heading, else the file name. */
  title: string;
  /** Where the document comes from (front matter `source` or `url`), when known. */
  source?: string;
  /** Publication date as written in front matter (`date` or `published`), when known. */
  date?: string;
}

/** One corpus file, read and ready to be cut into passages. */
export interface Doc extends DocMeta {
  /** Path relative to the corpus folder, with `/` separators. Unique id of the document. */
  path: string;
  /** The file's whole text exactly as on disk (UTF-8, BOM removed). Every quote is a slice of it. */
  text: string;
  /** SHA-1 of the file's bytes: whether its content changed. */
  fingerprint: string;
  /** Size and modification time ("1234:1700000000000"): a file whose stamp is unchanged is not read again. */
  stamp: string;
}

/** A file the corpus loader did not read, with a one-line reason. */
export interface Skipped {
  path: string;
  reason: string;
}

/** A small window of sentences inside a document, with exact character offsets. */
export interface Passage {
  /** Dense numeric id, unique within an index. */
  id: number;
  /** `Doc.path` of the document it comes from. */
  doc: string;
  /** Start offset (UTF-16 code units) in `Doc.text`. */
  start: number;
  /** End offset (exclusive): the passage text is `doc.text.slice(start, end)`. */
  end: number;
  /** Text of the markdown heading (or gallery caption) the passage sits under, if any. */
  heading?: string;
}

/** A passage returned by retrieval, with its score and the question terms it matched. */
export interface ScoredPassage {
  passage: Passage;
  score: number;
  /** Normalised question terms found in the passage. */
  terms: string[];
}

/** The kind of answer a question asks for. */
export type AnswerKind =
  | "person"
  | "date"
  | "number"
  | "place"
  | "organisation"
  | "yesno"
  | "reason"
  /** The circumstances something happens in: "when does json.loads raise JSONDecodeError?". */
  | "condition"
  | "definition"
  /** The name of what the question describes ("What is the term for …?", "What are … called?"). */
  | "term"
  | "code"
  | "thing";

/** A verbatim quote backing an answer. */
export interface Excerpt {
  /** Document path relative to the corpus folder. */
  doc: string;
  title: string;
  date?: string;
  source?: string;
  heading?: string;
  /** Verbatim text; if shortened, cut only at `…`, every piece between cuts is an exact substring of the file. */
  text: string;
  /** Offsets of the quoted passage in the source file. */
  start: number;
  end: number;
  /** Retrieval score (higher is better; not comparable across questions). */
  score: number;
  /** Words of `text` that match the question (surface forms as they appear in `text`), for highlighting. */
  highlights: string[];
}

/** What `answer(question)` returns. */
export interface Answer {
  question: string;
  /** The short answer, or `null` when the corpus does not hold it (or the question is unusable). */
  answer: string | null;
  /** 0-1: estimated probability that `answer` is right (0 when abstaining). */
  confidence: number;
  /** What kind of answer the question asked for. */
  kind: AnswerKind;
  /** Up to 3 quotes, best first (the nearest passages when abstaining). */
  excerpts: Excerpt[];
  /** Time spent finding passages and composing the answer from them, ms. */
  timing?: { retrieveMs: number; answerMs: number };
  /**
   * A plain sentence for the user when there is no answer: why (not in the corpus, empty
   * question, …). Absent when `answer` is set.
   */
  message?: string;
}

/** One document as `/sources` and `stats()` list it. */
export interface DocInfo extends DocMeta {
  path: string;
  passages: number;
}

/** What the engine holds right now. */
export interface IndexStats {
  corpusDir: string;
  documents: DocInfo[];
  passages: number;
  skipped: Skipped[];
  /** When the serving index was built (or loaded). */
  indexedAt: Date;
  /** How long building (or loading) it took, ms. */
  buildMs: number;
}

/** What `reindex()` changed. */
export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Passages in the new index. */
  passages: number;
  skipped: Skipped[];
  durationMs: number;
}
