import { describe, expect, it } from "vitest";
import { calibrate, predict, SIGNAL_NAMES, type Calibration, type Signals } from "../../src/answer/calibrate.js";
import fitted from "../../src/answer/calibration.json" with { type: "json" };

const signals = (over: Partial<Signals> = {}): Signals => ({ ...(Object.fromEntries(SIGNAL_NAMES.map((n) => [n, 0])) as unknown as Signals), ...over });

describe("predict", () => {
  it("is the logistic of the bias plus the weighted signals", () => {
    const model = { bias: -1, weights: { ...(Object.fromEntries(SIGNAL_NAMES.map((n) => [n, 0])) as Calibration["answerable"]["weights"]), coverage: 2 } };
    expect(predict(model, signals({ coverage: 0.5 }))).toBeCloseTo(0.5);
    expect(predict(model, signals({ coverage: 1 }))).toBeCloseTo(1 / (1 + Math.exp(-1)));
  });
});

describe("calibrate", () => {
  it("answers when the fitted probability clears the threshold, and reports a probability", () => {
    const model = fitted as Calibration;
    const strong = calibrate(signals({ coverage: 1, idfCoverage: 1, strength: 1, margin: 1, sentence: 1 }), model);
    const weak = calibrate(signals({ missing: 1, unknown: 1 }), model);
    expect(strong.answerable).toBeGreaterThan(weak.answerable);
    expect(strong.answer).toBe(true);
    expect(weak.answer).toBe(false);
    for (const d of [strong, weak]) {
      expect(d.confidence).toBeGreaterThanOrEqual(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("holds weights for every signal, fitted on the tune split", () => {
    const model = fitted as Calibration;
    expect(model.fittedOn).toMatch(/tune split/);
    for (const n of SIGNAL_NAMES) expect(typeof model.answerable.weights[n]).toBe("number");
  });
});
