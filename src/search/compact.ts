/**
 * A document cut into passages in the form that crosses threads cheaply: offsets and term ids in
 * two typed arrays (transferred, not copied), the few strings beside them. `cut-threads.ts` sends
 * these from its workers; `SearchIndex.addCompact` takes them either way.
 */
import { termsOf } from "../nlp/analyse.js";
import { cutDocument, type DocFormat, type NameBook } from "./passages.js";

export interface CompactCut {
  names: NameBook;
  topics: string[];
  /** Normalised terms of the document's title. */
  titleTerms: string[];
  /**
   * Five numbers per passage: start, end, heading (index into `headings`, or -1), number of term
   * ids, and 1 when those include the heading's terms (see HEADED_PASSAGES), else 0.
   */
  passages: Int32Array;
  /** The passages' headings, each with its space-joined terms. */
  headings: Array<[string, string]>;
  /** Each passage's term ids (its text's, then its heading's), passage after passage. */
  terms: Int32Array;
}

/**
 * A heading's words are indexed with the first passages under it only: a short section (a
 * gallery item, a news paragraph under a name) is about its heading throughout, but in every
 * passage of a long manual section its words would outvote any other passage holding them.
 * Passages further down still rank higher for them (HEADING_BOOST in build.ts).
 */
export const HEADED_PASSAGES = 3;

/** Fields per passage in `CompactCut.passages`. */
export const PASSAGE_FIELDS = 5;

/** Cuts `text` (a document titled `title`, read as `format`) into passages whose terms are ids given by `intern`. */
export function compactCut(text: string, title: string, intern: (term: string) => number, format: DocFormat = "text"): CompactCut {
  const cut = cutDocument(text, format);
  const passages = new Int32Array(cut.passages.length * PASSAGE_FIELDS);
  const headings: CompactCut["headings"] = [];
  const headingIndex = new Map<string, number>();
  const terms: number[] = [];
  let previous: string | undefined;
  let run = 0;
  cut.passages.forEach((p, i) => {
    let h = -1;
    if (p.heading) {
      h = headingIndex.get(p.heading) ?? headings.push([p.heading, p.headingTerms.join(" ")]) - 1;
      headingIndex.set(p.heading, h);
    }
    for (const term of p.terms) terms.push(intern(term));
    run = p.heading !== undefined && p.heading === previous ? run + 1 : 0;
    previous = p.heading;
    const headed = p.heading !== undefined && run < HEADED_PASSAGES;
    if (headed) for (const term of p.headingTerms) terms.push(intern(term));
    passages.set([p.start, p.end, h, p.terms.length + (headed ? p.headingTerms.length : 0), headed ? 1 : 0], i * PASSAGE_FIELDS);
  });
  return { names: cut.names, topics: cut.topics, titleTerms: termsOf(title), passages, headings, terms: Int32Array.from(terms) };
}
