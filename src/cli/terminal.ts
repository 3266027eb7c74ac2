/**
 * What the CLI prints is safe for a terminal: corpus text (and file names) may hold escape
 * sequences that make links (OSC 8), retitle the window, clear the screen or move the cursor.
 * Human-readable output has them removed; JSON output escapes them; input lines end only at LF.
 */
import type { Readable } from "node:stream";

/**
 * Escape sequences, removed whole so their parameters do not remain as text: CSI (`ESC [` or
 * C1 `0x9b` … final byte), OSC/DCS/SOS/PM/APC strings (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`,
 * `ESC _` or their C1 forms, up to BEL or ST), and two-character `ESC x` sequences.
 */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;
/** C0 controls except tab and newline, DEL, and C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` without escape sequences and control characters; newlines and tabs are kept. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/**
 * JSON text with DEL and C1 controls written as `\u` escapes too (`JSON.stringify` escapes only
 * C0), so a JSON line printed to a terminal drives it no more than the text output does. The
 * value it parses to is unchanged.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The lines of `input`, split at LF only (a CRLF's CR is dropped): a lone CR inside a question
 * is part of it, not a line break as `readline` takes it. The last line need not end in LF.
 */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  let pending = "";
  input.setEncoding("utf8");
  for await (const chunk of input as AsyncIterable<string>) {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf("\n")) !== -1) {
      yield withoutCr(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
    }
  }
  if (pending !== "") yield withoutCr(pending);
}

function withoutCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
