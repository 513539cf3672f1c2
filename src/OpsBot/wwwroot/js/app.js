// The playground page: sidebar of channels, the "act as" picker, the message list and the command box.
import { api } from './api.js';
import { renderMessage } from './render.js';
import { loadTexts, text } from './texts.js';

const $ = id => document.getElementById(id);
const state = { identity: null, channel: null, channels: [], shown: '', latest: 0 };
const refreshEvery = 5000; // scheduled posts (digests, alerts) appear without a reload

function showError(message) {
  $('error').textContent = message ?? '';
  $('error').hidden = !message;
}

function channelLabel(channel) {
  return channel.kind === 'team' ? `# ${channel.name}` : `@ ${channel.name}`;
}

function renderSidebar() {
  for (const [listId, kind] of [['team-channels', 'team'], ['dm-channels', 'dm']]) {
    const list = $(listId);
    list.replaceChildren(...state.channels.filter(c => c.kind === kind).map(channel => {
      const link = document.createElement('a');
      link.href = `#${encodeURIComponent(channel.id)}`;
      link.textContent = channelLabel(channel);
      if (channel.title) link.title = channel.title;
      if (channel.id === state.channel) link.className = 'active';
      const item = document.createElement('li');
      item.append(link);
      return item;
    }));
  }
}

async function refresh(force = false) {
  // Switching identity or channel while a poll is under way must not let the older answer win.
  const ticket = ++state.latest;
  const messages = await api.messages(state.channel, state.identity);
  if (ticket !== state.latest) return;
  const key = JSON.stringify(messages);
  if (!force && key === state.shown) return;
  state.shown = key;
  const list = $('messages');
  const context = { identity: state.identity, onPress: press };
  list.replaceChildren(...messages.map(view => renderMessage(view, context)));
  if (messages.length === 0) list.append(Object.assign(document.createElement('p'), { className: 'empty', textContent: text('Messages.Empty') }));
  list.scrollTop = list.scrollHeight;
}

async function showChannel(id) {
  const channel = state.channels.find(c => c.id === id) ?? state.channels[0];
  state.channel = channel.id;
  $('channel-title').textContent = channelLabel(channel);
  $('channel-topic').textContent = channel.topic;
  renderSidebar();
  showError(null);
  await refresh(true);
}

async function press(messageId, actionId, input) {
  try {
    const result = await api.press(messageId, state.identity, actionId, input);
    showError(null);
    await refresh(true);
    if (result.prompt) await ask(messageId, result.prompt);
    // What OpsBot posts on its own after a press (a card updated through the outbox) arrives a moment later.
    setTimeout(() => refresh().catch(e => showError(e.message)), 1000);
  } catch (e) {
    showError(e.message);
  }
}

/** A prompt (ChatPrompt) asked in the browser's own dialog; its answer is posted as the prompt's submit action. */
async function ask(messageId, prompt) {
  const hint = prompt.placeholder ? `(${prompt.placeholder})` : '';
  const line = window.prompt([prompt.title, prompt.problem, prompt.label, hint].filter(Boolean).join('\n\n'), '');
  if (line === null) return; // cancelled: nothing is sent, nothing changes
  await press(messageId, prompt.submitActionId, line);
}

async function run(event) {
  event.preventDefault();
  const input = $('command');
  input.disabled = true;
  try {
    await api.run(state.channel, state.identity, input.value);
    input.value = '';
    showError(null);
    await refresh(true);
  } catch (e) {
    showError(e.message);
  } finally {
    input.disabled = false;
    input.focus();
  }
}

async function start() {
  await loadTexts();
  const [identities, channels, commands] = await Promise.all([api.identities(), api.channels(), api.commands()]);
  state.channels = channels;
  const picker = $('identity');
  picker.replaceChildren(...identities.map(i => new Option(`${i.name}`, i.id)));
  const remembered = localStorage.getItem('playground.identity');
  state.identity = identities.some(i => i.id === remembered) ? remembered : identities[0].id;
  picker.value = state.identity;
  picker.addEventListener('change', () => {
    state.identity = picker.value;
    localStorage.setItem('playground.identity', state.identity);
    refresh(true).catch(e => showError(e.message));
  });
  $('command-list').replaceChildren(...commands.map(c => new Option(c.description, `/${c.name} `)));
  $('command-form').addEventListener('submit', run);
  window.addEventListener('hashchange', () => showChannel(decodeURIComponent(location.hash.slice(1))).catch(e => showError(e.message)));
  await showChannel(decodeURIComponent(location.hash.slice(1)));
  setInterval(() => refresh().catch(e => showError(e.message)), refreshEvery);
}

start().catch(e => showError(text('Error.Start', e.message)));
