/**
 * L2-regularised logistic regression by gradient descent: deterministic (zero start, fixed
 * steps), for the small models fitted on the eval suite's `tune` split (eval/fit-calibration.ts).
 */
export interface Example<N extends string> {
  x: Record<N, number>;
  y: boolean;
}

export interface FittedLogistic<N extends string> {
  bias: number;
  weights: Record<N, number>;
}

export interface FitOptions {
  /** L2 penalty on the weights. */
  l2?: number;
  steps?: number;
  rate?: number;
}

export function fitLogistic<N extends string>(examples: ReadonlyArray<Example<N>>, names: readonly N[], options: FitOptions = {}): FittedLogistic<N> {
  const { l2 = 0.01, steps = 4000, rate = 0.5 } = options;
  let bias = 0;
  const w = names.map(() => 0);
  const total = examples.length || 1;
  for (let step = 0; step < steps; step++) {
    let gBias = 0;
    const g = names.map(() => 0);
    for (const e of examples) {
      let z = bias;
      names.forEach((n, k) => (z += (w[k] as number) * e.x[n]));
      const err = 1 / (1 + Math.exp(-z)) - (e.y ? 1 : 0);
      gBias += err;
      names.forEach((n, k) => (g[k] = (g[k] as number) + err * e.x[n]));
    }
    bias -= (rate * gBias) / total;
    names.forEach((_, k) => (w[k] = (w[k] as number) - rate * ((g[k] as number) / total + l2 * (w[k] as number))));
  }
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return { bias: round(bias), weights: Object.fromEntries(names.map((n, k) => [n, round(w[k] as number)])) as Record<N, number> };
}
