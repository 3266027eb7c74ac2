/**
 * Acknowledge first, answer one question per event-loop turn: a burst of questions never holds
 * the loop for more than one answer, so the acknowledgements of those arriving meanwhile go out.
 */
import { describe, expect, it } from "vitest";
import ask from "../../commands/ask.js";
import { AnswerQueue, BusyError } from "../../src/discord/answer-queue.js";
import type { Command } from "../../src/discord/command.js";
import { createDispatcher } from "../../src/discord/dispatcher.js";
import { createLogger } from "../../src/discord/logger.js";
import { RateLimiter } from "../../src/discord/rate-limiter.js";
import { answer } from "./answers.js";
import { FakeInteraction, fakeContext, fakeEngine } from "./fakes.js";

/** Counts answers that ran with no event-loop turn since the one before. */
function loopWatch() {
  const watch = { answers: 0, backToBack: 0, turned: true };
  const note = (): void => {
    watch.answers++;
    if (!watch.turned) watch.backToBack++;
    watch.turned = false;
    setImmediate(() => (watch.turned = true));
  };
  return { watch, note };
}

describe("/ask under a burst", () => {
  it("defers every question at once, then answers them with an event-loop turn between any two", async () => {
    const { watch, note } = loopWatch();
    const events: string[] = [];
    const engine = fakeEngine({
      answer: (question) => {
        note();
        events.push("answer");
        return answer({ question });
      },
    });
    const commands = new Map<string, Command>([["ask", ask]]);
    const context = fakeContext({ engine, commands, answers: new AnswerQueue() });
    const dispatcher = createDispatcher({ commands, context, limiter: new RateLimiter({ limit: 0 }), logger: context.logger });
    const interactions = Array.from({ length: 10 }, (_, i) => new FakeInteraction({ options: { question: `question ${i}?` }, userId: `${i}` }));
    const done = interactions.map((interaction) => {
      const handled = dispatcher.handleInteraction(interaction.asInteraction);
      events.push("dispatched");
      return handled;
    });
    await Promise.all(done);
    expect(watch).toMatchObject({ answers: 10, backToBack: 0 });
    expect(events.indexOf("answer")).toBeGreaterThanOrEqual(10);
    for (const interaction of interactions) expect(interaction.calls.map((c) => c.method)).toEqual(["deferReply", "editReply"]);
  });
});

describe("AnswerQueue", () => {
  it("runs work in order, one job per event-loop turn, and gives back each result", async () => {
    const { watch, note } = loopWatch();
    const queue = new AnswerQueue();
    const results = await Promise.all([1, 2, 3, 4].map((n) => queue.run(() => (note(), n * 10))));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(watch).toMatchObject({ answers: 4, backToBack: 0 });
    expect(queue.depth).toBe(0);
  });

  it("starts no answer while an acknowledgement is in flight, and answers once it is sent", async () => {
    const queue = new AnswerQueue();
    let send!: () => void;
    const acked = queue.acknowledge(() => new Promise<void>((resolve) => (send = resolve)));
    let ran = false;
    const job = queue.run(() => (ran = true));
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toBe(false);
    send();
    await acked;
    await job;
    expect(ran).toBe(true);
  });

  it("passes a job's exception to its caller and goes on with the rest", async () => {
    const queue = new AnswerQueue();
    const failing = queue.run(() => {
      throw new Error("boom");
    });
    const next = queue.run(() => "fine");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("fine");
  });

  it("past its bound refuses at once with a busy reply saying when to come back, and logs the depth", async () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    const queue = new AnswerQueue({ maxQueued: 3, logger, logEvery: 2 });
    const jobs = [1, 2, 3].map((n) => queue.run(() => n));
    const refused = queue.run(() => 4);
    await expect(refused).rejects.toBeInstanceOf(BusyError);
    await expect(refused).rejects.toThrow(/busy answering other questions.*try again in \d+ s/);
    expect(await Promise.all(jobs)).toEqual([1, 2, 3]);
    expect(lines.join("\n")).toMatch(/INFO {2}answer queue: 2 waiting/);
    expect(lines.join("\n")).toMatch(/WARN {2}answer queue full \(3 waiting\): refused a question/);
  });

  it("refuses a bound that is not a whole number above 0", () => {
    expect(() => new AnswerQueue({ maxQueued: 0 })).toThrow(RangeError);
  });
});

