// Turns a stored ChatMessage (JSON from the API) into DOM nodes. Messages carry user data (handles,
// notes), so every text goes in through textContent: nothing here ever parses HTML.
import { api } from './api.js';
import { culture, text } from './texts.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const spanTags = { bold: 'strong', italic: 'em', code: 'code' };

function richText(spans, tag, className) {
  const node = el(tag, className);
  for (const span of spans) {
    const part = el(spanTags[span.style] ?? 'span', undefined, span.text);
    if (span.time) {
      // The text is the ops-time-zone fallback; the reader's own clock is one hover away.
      const time = el('time', undefined);
      time.dateTime = span.time;
      time.title = new Date(span.time).toLocaleString(culture());
      time.append(part);
      node.append(time);
    } else {
      node.append(part);
    }
  }
  return node;
}

const numeric = /^[-+−]?[€$£]?\s?[\d.,\s]+\s?(%|€|h|\$|£)?$/;

function table(block) {
  const wrap = el('div', 'block-table');
  const grid = el('table');
  const head = grid.createTHead().insertRow();
  for (const column of block.columns) head.append(el('th', undefined, column));
  const body = grid.createTBody();
  for (const row of block.rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.append(el('td', numeric.test(cell) ? 'num' : undefined, cell));
  }
  wrap.append(grid);
  if (block.hidden > 0) wrap.append(el('p', 'more', text('Table.More', block.hidden)));
  return wrap;
}

function fields(block) {
  const list = el('dl', 'block-fields');
  for (const field of block.fields) {
    const item = el('div', 'field');
    item.append(el('dt', undefined, field.label), richText(field.value.spans, 'dd'));
    list.append(item);
  }
  return list;
}

function buttons(block, onPress) {
  const row = el('div', 'block-buttons');
  for (const button of block.buttons) {
    const node = el('button', `btn btn-${button.style}`, button.label);
    node.type = 'button';
    node.addEventListener('click', () => {
      if (button.confirm && !window.confirm(button.confirm)) return;
      onPress(button.actionId);
    });
    row.append(node);
  }
  return row;
}

function block(b, index, view, ctx) {
  switch (b.type) {
    case 'header': return el('h3', 'block-header', b.text);
    case 'text': return richText(b.text.spans, 'p', 'block-text');
    case 'context': return richText(b.text.spans, 'p', 'block-context');
    case 'fields': return fields(b);
    case 'table': return table(b);
    case 'buttons': return buttons(b, actionId => ctx.onPress(view.id, actionId));
    case 'image': {
      const figure = el('figure', 'block-image');
      const img = el('img');
      img.src = api.imageUrl(view.id, index, ctx.identity);
      img.alt = b.altText;
      img.title = b.altText;
      figure.append(img);
      return figure;
    }
    default: return el('p', 'block-context', text('Block.Unknown', b.type));
  }
}

function files(view, identity) {
  const list = el('ul', 'files');
  view.message.files.forEach((file, index) => {
    const link = el('a', 'file', file.name);
    link.href = api.fileUrl(view.id, index, identity);
    link.download = file.name;
    const item = el('li');
    item.append(link);
    list.append(item);
  });
  return list;
}

const clock = { hour: '2-digit', minute: '2-digit' };

/** One message as an article: who, when, whether only you see it, then its blocks and files. */
export function renderMessage(view, ctx) {
  const article = el('article', `message${view.fromBot ? ' from-bot' : ''}${view.private ? ' private' : ''}`);
  article.dataset.id = view.id;
  article.append(el('div', 'avatar', view.authorName.charAt(0).toUpperCase()));
  const body = el('div', 'message-body');
  const meta = el('div', 'meta');
  meta.append(el('span', 'author', view.authorName), el('span', 'sent', new Date(view.createdAt).toLocaleTimeString(culture(), clock)));
  if (view.private) meta.append(el('span', 'badge', text('Message.Private')));
  body.append(meta);
  view.message.blocks.forEach((b, index) => body.append(block(b, index, view, ctx)));
  if (view.message.files.length > 0) body.append(files(view, ctx.identity));
  article.append(body);
  return article;
}
