import type { Choice, PlanCard, Reply } from '../../../conversation/reply.ts';

/**
 * The web's rendering of the one Reply: the Markdown (with the link appended when the text does not carry
 * it) and the structured parts the page draws itself — choices as buttons, the link, the plan card.
 */
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
