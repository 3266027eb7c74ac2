/**
 * Calibration: signals that carry over between corpora, turned into two probabilities by small
 * logistic models fitted on the `tune` split of the evaluation suite (eval/fit-calibration.ts
 * writes calibration.json): that the documents answer the question at all (`answerable`, which
 * decides abstention) and that the answer given is right (`right`, reported as `confidence`).
 */
import weights from "./calibration.json" with { type: "json" };

/** The signals, each scaled to about 0-1. */
export interface Signals {
  /** Part-of-speech-weighted share of the question the best passage holds. */
  coverage: number;
  /** IDF-weighted share, with soft (prefix, stem) matches. */
  idfCoverage: number;
  /** The rarest question word the best passage lacks: its IDF over the highest possible (0-1; 0 when none is missing). */
  missing: number;
  /** A subject question's verb and object ("won … election") are not together in the best passage: 1, else 0. */
  relation: number;
  /** Share of the question's IDF mass, each word weighed as the question weighs it, in words no passage of the corpus holds. */
  unknown: number;
  /** The best BM25 score over the question's total IDF: how strongly the top passage matches. */
  strength: number;
  /** How far the first retrieved passage leads the second (0-1). */
  margin: number;
  /** An answer of the wanted kind (name, date, number, code) was found: 1, else 0. */
  typed: number;
  /** How clearly the typed answer won its vote (0-1; 0 without one). */
  vote: number;
  /** How strongly the typed answer stands in the best passages: its vote over the best rank (0-1; 0 without one). */
  support: number;
  /** Share of the question's words the answer sentence holds. */
  sentence: number;
  /** IDF-weighted share of the question the answer sentence (with its heading) holds. */
  sentenceIdf: number;
  /** The question wants a name, date, number or code: 1, else 0. */
  wantsTyped: number;
}

export const SIGNAL_NAMES = ["coverage", "idfCoverage", "missing", "relation", "unknown", "strength", "margin", "typed", "vote", "support", "sentence", "sentenceIdf", "wantsTyped"] as const satisfies ReadonlyArray<keyof Signals>;

/** A fitted logistic model: a bias and a weight per signal. */
export interface Logistic {
  bias: number;
  weights: Record<(typeof SIGNAL_NAMES)[number], number>;
}

export interface Calibration {
  /** What the models were fitted on, and when. */
  fittedOn: string;
  answerable: Logistic;
  right: Logistic;
  /** Below this probability of `answerable`, Verbatim abstains. */
  threshold: number;
}

const calibration = weights as Calibration;

/** The model's probability for `signals`. */
export function predict(model: Logistic, signals: Signals): number {
  let z = model.bias;
  for (const name of SIGNAL_NAMES) z += (model.weights[name] ?? 0) * signals[name];
  return 1 / (1 + Math.exp(-z));
}

/** Whether to answer, and with what confidence (the probability the answer is right). */
export function calibrate(signals: Signals, model: Calibration = calibration): { answer: boolean; answerable: number; confidence: number } {
  const answerable = predict(model.answerable, signals);
  return { answer: answerable >= model.threshold, answerable, confidence: predict(model.right, signals) };
}
