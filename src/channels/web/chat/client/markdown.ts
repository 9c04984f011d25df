// Replies are Markdown written by a model: parsed by marked, then sanitized by DOMPurify before they touch the
// page (a model can be talked into writing HTML or javascript: links).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: true, async: false });

// Links leave the page safely: external ones open without handing over this page (no opener, no referrer).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  const href = node.getAttribute('href') ?? '';
  if (/^https?:\/\//i.test(href)) node.setAttribute('rel', 'noopener noreferrer');
  else if (!href.startsWith('/') || href.startsWith('//')) node.removeAttribute('href');
});

export function renderMarkdown(text: string): string {
  const html = marked.parse(text) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['img', 'style', 'form', 'input', 'button', 'textarea', 'select'],
  });
}
