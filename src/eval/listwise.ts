/**
 * A linear ranker fitted listwise: for each group (one question's candidates), the softmax of
 * the scores should put its mass on the candidates labelled right. Gradient descent on the mean
 * negative log of that mass, L2-regularised, deterministic (start, steps and rate fixed). Unlike
 * a pointwise logistic fit, it learns what tells candidates of one question apart, which is what
 * picking the top one needs.
 */
export interface Group<N extends string> {
  candidates: Array<{ x: Record<N, number>; y: boolean }>;
}

export interface ListwiseOptions<N extends string> {
  l2?: number;
  steps?: number;
  rate?: number;
  /** Starting weights (zero when absent). */
  start?: Partial<Record<N, number>>;
}

export function fitListwise<N extends string>(groups: ReadonlyArray<Group<N>>, names: readonly N[], options: ListwiseOptions<N> = {}): Record<N, number> {
  const { l2 = 0.001, steps = 3000, rate = 0.5 } = options;
  const w = names.map((n) => options.start?.[n] ?? 0);
  for (let step = 0; step < steps; step++) {
    const g = names.map(() => 0);
    for (const { candidates } of groups) {
      const scores = candidates.map((c) => names.reduce((z, n, k) => z + (w[k] as number) * c.x[n], 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const all = exp.reduce((a, b) => a + b, 0);
      const right = exp.reduce((a, e, i) => a + (candidates[i]?.y ? e : 0), 0);
      candidates.forEach((c, i) => {
        // d(-log(right/all))/ds_i = p_i − (y_i ? e_i/right : 0)
        const d = (exp[i] as number) / all - (c.y ? (exp[i] as number) / right : 0);
        names.forEach((n, k) => (g[k] = (g[k] as number) + d * c.x[n]));
      });
    }
    names.forEach((_, k) => (w[k] = (w[k] as number) - rate * ((g[k] as number) / groups.length + l2 * (w[k] as number))));
  }
  return Object.fromEntries(names.map((n, k) => [n, Math.round((w[k] as number) * 1000) / 1000])) as Record<N, number>;
}
