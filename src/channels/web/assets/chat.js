// ReadyPlan chat: posts a message to /api/chat and reads the AI SDK UI message stream (SSE `data:` lines)
// as it arrives — text deltas into the reply bubble, a chip per tool step, then the plan card and choices.
(() => {
  const context = JSON.parse(document.getElementById('chat-context').textContent);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const list = document.getElementById('messages');
  const form = document.getElementById('chat-form');
  const input = document.getElementById('chat-input');
  const send = document.getElementById('send');
  const errorBox = document.getElementById('chat-error');
  let conversationId = context.conversationId;
  let busy = false;

  const TOOL_LABELS = {
    updateHousehold: 'Noting your household',
    buildPlan: 'Building your plan',
    calcRations: 'Calculating rations',
    searchProducts: 'Finding products',
    matchBundles: 'Matching bundles',
    savePlan: 'Saving your plan',
    getPlan: 'Opening your plan',
    updateInventory: 'Updating your inventory',
    listInventory: 'Checking your inventory',
    searchGuidance: 'Looking up guidance',
    findSkillResources: 'Finding skill resources',
    listExpertCalls: 'Finding expert calls',
    bookExpertCall: 'Booking the call',
    checkTier: 'Checking your plan',
  };
  const HIDDEN_TOOLS = new Set(['presentChoices']);

  // ---- a small, safe Markdown renderer: everything is escaped first, then a few patterns are marked up.
  const escapeHtml = (s) =>
    String(s).replace(
      /[&<>"'`]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c],
    );
  const safeHref = (url) => {
    const u = url.replace(/&amp;/g, '&');
    return /^https?:\/\//i.test(u) || (u.startsWith('/') && !u.startsWith('//')) ? escapeHtml(u) : '#';
  };
  function inline(escaped) {
    return escaped
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label, url) => `<a href="${safeHref(url)}">${label}</a>`)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_([^_]+)_(?=[\s).,!?:;]|$)/g, '$1<em>$2</em>')
      .replace(/&#96;([^&]+?)&#96;/g, '<code>$1</code>');
  }
  function markdown(text) {
    const lines = escapeHtml(text).split('\n');
    const out = [];
    let listType = null;
    let paragraph = [];
    const flushParagraph = () => {
      if (paragraph.length) out.push(`<p>${inline(paragraph.join('<br>'))}</p>`);
      paragraph = [];
    };
    const closeList = () => {
      if (listType) out.push(`</${listType}>`);
      listType = null;
    };
    for (const line of lines) {
      const heading = /^(#{1,4})\s+(.*)$/.exec(line);
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
      if (heading) {
        flushParagraph();
        closeList();
        out.push(`<h3>${inline(heading[2])}</h3>`);
      } else if (bullet || numbered) {
        flushParagraph();
        const type = bullet ? 'ul' : 'ol';
        if (listType !== type) {
          closeList();
          out.push(`<${type}>`);
          listType = type;
        }
        out.push(`<li>${inline((bullet || numbered)[1])}</li>`);
      } else if (line.trim() === '') {
        flushParagraph();
        closeList();
      } else {
        closeList();
        paragraph.push(line);
      }
    }
    flushParagraph();
    closeList();
    return out.join('');
  }

  // ---- message elements
  // Choices answer the latest message only: older ones lose theirs once the conversation moves on.
  function clearChoices() {
    for (const box of list.querySelectorAll('.choices')) box.remove();
  }

  function addUser(text) {
    clearChoices();
    const li = document.createElement('li');
    li.className = 'message user';
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    bubble.textContent = text;
    li.append(bubble);
    list.append(li);
    li.scrollIntoView({ block: 'end' });
  }

  function addAssistant() {
    const li = document.createElement('li');
    li.className = 'message assistant';
    const chips = document.createElement('div');
    chips.className = 'chips';
    chips.setAttribute('aria-label', 'Steps');
    const bubble = document.createElement('div');
    bubble.className = 'bubble';
    const body = document.createElement('div');
    body.className = 'reply-text';
    const extras = document.createElement('div');
    extras.className = 'extras';
    bubble.append(body, extras);
    li.append(chips, bubble);
    list.append(li);
    return { li, chips, body, extras, chipById: new Map(), text: '', deltas: 0 };
  }

  function setChip(view, id, toolName, state) {
    if (HIDDEN_TOOLS.has(toolName)) return;
    let chip = view.chipById.get(id);
    if (!chip) {
      chip = document.createElement('span');
      chip.className = 'chip';
      chip.dataset.tool = toolName;
      view.chipById.set(id, chip);
      view.chips.append(chip);
    }
    const label = TOOL_LABELS[toolName] || toolName;
    chip.dataset.state = state;
    chip.textContent = state === 'running' ? `${label}…` : state === 'error' ? `${label}: failed` : label;
  }

  function link(href, label, className) {
    const a = document.createElement('a');
    a.href = safeHref(escapeHtml(href)).replace(/&amp;/g, '&');
    a.textContent = label;
    if (className) a.className = className;
    return a;
  }

  function renderExtras(view, reply) {
    view.extras.textContent = '';
    const card = reply.planCard;
    if (card) {
      const box = document.createElement('div');
      box.className = 'plan-card';
      const h = document.createElement('h3');
      h.textContent = card.title;
      const stats = document.createElement('div');
      stats.className = 'stats';
      const facts = [
        `${card.location}`,
        `${card.people} people`,
        `${card.durationDays} days`,
        `Water ${card.waterGallons} gal`,
        `Food ${Math.round(card.foodKcal).toLocaleString('en-US')} kcal`,
        `Readiness ${card.readinessScore}/100`,
        `$${card.budget.spent.toFixed(2)} of $${card.budget.limit.toFixed(2)}`,
      ];
      for (const f of facts) {
        const s = document.createElement('span');
        s.textContent = f;
        stats.append(s);
      }
      box.append(h, stats);
      const planHref = card.url || (reply.conversationId ? `/plans/draft/${reply.conversationId}` : null);
      if (planHref) {
        const p = document.createElement('p');
        p.append(link(planHref, card.url ? 'Open your plan' : 'See the full plan', 'button primary small'));
        p.dataset.testid = 'plan-link';
        box.append(p);
      }
      view.extras.append(box);
    }
    if (reply.link && (!card || reply.link.url !== card.url)) {
      const p = document.createElement('p');
      p.append(link(reply.link.url, reply.link.label, 'button small'));
      view.extras.append(p);
    }
    if (reply.choices?.length) {
      clearChoices();
      const box = document.createElement('div');
      box.className = 'choices';
      for (const choice of reply.choices) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'button small';
        b.textContent = choice.label;
        b.addEventListener('click', () => sendMessage(choice.value));
        box.append(b);
      }
      view.extras.append(box);
    }
  }

  function renderHistory(messages) {
    for (const m of messages) {
      if (m.role === 'user') {
        addUser(m.content);
        continue;
      }
      const view = addAssistant();
      let n = 0;
      const reply = { conversationId, choices: [], link: null, planCard: null };
      for (const part of m.parts || []) {
        if (part.type === 'tool') setChip(view, `h${n++}`, part.toolName, part.ok ? 'done' : 'error');
        if (part.type === 'choices') reply.choices = part.choices || [];
        if (part.type === 'link') reply.link = { label: part.label, url: part.url };
        if (part.type === 'plan-card') reply.planCard = part.card;
      }
      view.body.innerHTML = markdown(m.content);
      renderExtras(view, reply);
    }
    const last = list.lastElementChild;
    if (last) last.scrollIntoView({ block: 'end' });
  }

  // ---- the stream
  function handlePart(view, part) {
    switch (part.type) {
      case 'data-conversation':
        conversationId = part.data.conversationId;
        break;
      case 'text-start':
        if (view.text && !view.text.endsWith('\n\n')) view.text += '\n\n';
        break;
      case 'text-delta':
        view.text += part.delta;
        view.deltas += 1;
        view.body.dataset.deltas = String(view.deltas);
        view.body.innerHTML = markdown(view.text);
        break;
      case 'tool-input-start':
        setChip(view, part.toolCallId, part.toolName, 'running');
        break;
      case 'tool-input-available':
        setChip(view, part.toolCallId, part.toolName, 'running');
        break;
      case 'tool-output-available': {
        const chip = view.chipById.get(part.toolCallId);
        const failed = part.output && typeof part.output === 'object' && part.output.ok === false;
        if (chip) setChip(view, part.toolCallId, chip.dataset.tool, failed ? 'error' : 'done');
        break;
      }
      case 'tool-output-error':
      case 'tool-input-error': {
        const chip = view.chipById.get(part.toolCallId);
        setChip(view, part.toolCallId, chip ? chip.dataset.tool : part.toolName || 'tool', 'error');
        break;
      }
      case 'data-reply':
        renderExtras(view, part.data);
        break;
      case 'error':
        errorBox.textContent = part.errorText || 'Something went wrong.';
        break;
      default:
        break;
    }
  }

  async function readStream(response, view) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const event = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        for (const line of event.split('\n')) {
          if (!line.startsWith('data:')) continue;
          const data = line.slice(5).trim();
          if (data === '[DONE]') return;
          try {
            handlePart(view, JSON.parse(data));
          } catch (error) {
            console.warn('unreadable stream part', error);
          }
        }
        cut = buffer.indexOf('\n\n');
      }
    }
  }

  async function sendMessage(text) {
    const message = text.trim();
    if (!message || busy) return;
    busy = true;
    send.disabled = true;
    errorBox.textContent = '';
    document.body.dataset.chatState = 'streaming';
    addUser(message);
    const view = addAssistant();
    view.body.classList.add('typing');
    try {
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ text: message, conversationId }),
      });
      if (!response.ok || !response.body) {
        const problem = await response.json().catch(() => ({}));
        view.li.remove();
        errorBox.textContent = problem.error || `The message could not be sent (${response.status}).`;
        return;
      }
      await readStream(response, view);
    } catch (error) {
      errorBox.textContent = 'The connection dropped. Please try again.';
      console.error(error);
    } finally {
      view.body.classList.remove('typing');
      busy = false;
      send.disabled = false;
      document.body.dataset.chatState = 'idle';
      view.li.scrollIntoView({ block: 'end' });
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = '';
    sendMessage(text);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  document.getElementById('new-chat').addEventListener('click', () => {
    conversationId = null;
    for (const li of [...list.children]) if (!li.classList.contains('intro')) li.remove();
    input.focus();
  });

  renderHistory(context.messages || []);
  document.body.dataset.chatState = 'idle';
})();
