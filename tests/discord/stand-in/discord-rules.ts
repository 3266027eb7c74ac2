/**
 * What Discord itself refuses or would do wrong with a message body, written independently of
 * the bot's own limit code so the stand-in checks the bot rather than agreeing with it.
 * Discord answers a limit breach with 400 "Invalid Form Body" (code 50035).
 */

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

/** Limit breaches in a message body, as readable lines; empty when Discord would accept it. */
export function limitViolations(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const content = body.content;
  if (typeof content === "string" && content.length > 2000) problems.push(`content is ${content.length} > 2000 characters`);
  const embeds = (Array.isArray(body.embeds) ? body.embeds : []) as EmbedLike[];
  if (embeds.length > 10) problems.push(`${embeds.length} > 10 embeds`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const check = (what: string, text: string | undefined, max: number): void => {
      if (text === undefined) return;
      total += text.length;
      if (text.length > max) problems.push(`embeds[${i}].${what} is ${text.length} > ${max} characters`);
    };
    check("title", embed.title, 256);
    check("description", embed.description, 4096);
    check("footer.text", embed.footer?.text, 2048);
    check("author.name", embed.author?.name, 256);
    const fields = embed.fields ?? [];
    if (fields.length > 25) problems.push(`embeds[${i}] has ${fields.length} > 25 fields`);
    fields.forEach((field, j) => {
      if (!field.name || !field.value) problems.push(`embeds[${i}].fields[${j}] has an empty name or value`);
      check(`fields[${j}].name`, field.name, 256);
      check(`fields[${j}].value`, field.value, 1024);
    });
  });
  if (total > 6000) problems.push(`embeds total ${total} > 6000 characters`);
  return problems;
}

/** True when the body disables every ping: `allowed_mentions: { parse: [] }`, no user or role list. */
export function pingsNoOne(body: Record<string, unknown>): boolean {
  const allowed = body.allowed_mentions as { parse?: unknown; users?: unknown[]; roles?: unknown[] } | undefined;
  return (
    Array.isArray(allowed?.parse) &&
    allowed.parse.length === 0 &&
    (allowed.users ?? []).length === 0 &&
    (allowed.roles ?? []).length === 0
  );
}
