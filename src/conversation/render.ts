import type { Choice, PlanCard, Reply } from './reply.ts';

/**
 * The web's rendering of the one Reply, until the web channel's chat folder takes it
 * (src/channels/web/chat/). Telegram's and SMS's renderers live in their channel folders
 * (src/channels/telegram/render.ts, src/channels/sms/render.ts).
 */

export { mapChoice } from './choices.ts';

export type WebRendering = {
  markdown: string;
  choices: Choice[];
  link: { label: string; url: string } | null;
  planCard: PlanCard | null;
};

export function renderWeb(reply: Reply): WebRendering {
  let markdown = reply.text.trim();
  if (reply.link && !markdown.includes(reply.link.url))
    markdown += `\n\n[${reply.link.label}](${reply.link.url})`;
  return {
    markdown,
    choices: reply.choices ?? [],
    link: reply.link ?? null,
    planCard: reply.planCard ?? null,
  };
}
