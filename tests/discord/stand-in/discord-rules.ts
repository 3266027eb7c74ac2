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
  problems.push(...componentViolations(body.components));
  return problems;
}

interface ButtonLike {
  type?: number;
  custom_id?: string;
  label?: string;
  url?: string;
}

/** Breaches of Discord's rules for message components: rows of at most five buttons, ids and labels within length, ids unique. */
function componentViolations(components: unknown): string[] {
  if (components === undefined) return [];
  if (!Array.isArray(components)) return ["components is not a list"];
  const problems: string[] = [];
  if (components.length > 5) problems.push(`${components.length} > 5 action rows`);
  const ids = new Set<string>();
  (components as Array<{ type?: number; components?: ButtonLike[] }>).forEach((row, i) => {
    if (row.type !== 1) problems.push(`components[${i}] is not an action row (type ${String(row.type)})`);
    const buttons = row.components ?? [];
    if (buttons.length < 1 || buttons.length > 5) problems.push(`components[${i}] has ${buttons.length} buttons, not 1 to 5`);
    buttons.forEach((button, j) => {
      const where = `components[${i}].components[${j}]`;
      if (button.type !== 2) problems.push(`${where} is not a button`);
      if (button.url === undefined) {
        const id = button.custom_id ?? "";
        if (id.length < 1 || id.length > 100) problems.push(`${where}.custom_id is ${id.length} characters, not 1 to 100`);
        if (ids.has(id)) problems.push(`${where}.custom_id "${id}" is used twice`);
        ids.add(id);
      }
      if (button.label !== undefined && button.label.length > 80) problems.push(`${where}.label is ${button.label.length} > 80 characters`);
    });
  });
  return problems;
}

/** Breaches of Discord's rules for an autocomplete answer: at most 25 choices, names and values of 1 to 100 characters. */
export function choiceViolations(data: Record<string, unknown>): string[] {
  const choices = data.choices;
  if (!Array.isArray(choices)) return ["choices is not a list"];
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`${choices.length} > 25 choices`);
  (choices as Array<{ name?: unknown; value?: unknown }>).forEach((choice, i) => {
    for (const key of ["name", "value"] as const) {
      const text = String(choice[key] ?? "");
      if (text.length < 1 || text.length > 100) problems.push(`choices[${i}].${key} is ${text.length} characters, not 1 to 100`);
    }
  });
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
