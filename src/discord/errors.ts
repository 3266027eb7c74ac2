/**
 * The two kinds of failure the dispatcher tells apart: a {@link UserError} is the user's to fix
 * and is shown to them as is; anything else is a bug, logged with its stack, and the user only
 * gets {@link GENERIC_FAILURE}.
 */

/** A failure whose message is written for the person who asked (no paths, no internals). */
export class UserError extends Error {
  override readonly name = "UserError";
}

/** The one line a user sees when something unexpected breaks. */
export const GENERIC_FAILURE = "Something went wrong on my side while handling that. It has been logged; please try again later.";

/**
 * Replaces absolute file paths (`/srv/bot/corpus/a.md`, `C:\bot\a.md`) with their last part, so
 * a message meant for users names a file without revealing where the bot runs. Relative paths
 * (`corpus/a.md`) and URLs are kept.
 */
export function redactPaths(text: string): string {
  return text.replace(/(?<![\w:/\\.~-])(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'"`]+)+[\\/]?/g, (path) => {
    const parts = path.split(/[\\/]/).filter(Boolean);
    return parts.length > 1 ? (parts[parts.length - 1] ?? path) : path;
  });
}
