import type { CommentFact } from "./types.ts";

/** The hidden marker that opens the bot's one living comment. */
export const STATUS_MARKER = "<!-- cop-bot:status -->";
/** The context of the commit status the bot sets on the head commit. */
export const APPROVAL_CONTEXT = "cop-atlas/approval";

/**
 * The bot's own status comments, oldest first: the marker AND the author being the bot account
 * (login equal to the configured one and type Bot). Anyone can paste the marker into a comment;
 * only the bot can author as the bot.
 */
export function findBotComments(comments: readonly CommentFact[], botLogin: string): CommentFact[] {
  return comments
    .filter((c) => c.user !== null && c.user.type === "Bot" && c.user.login === botLogin && c.body.includes(STATUS_MARKER))
    .sort((a, b) => a.id - b.id);
}
