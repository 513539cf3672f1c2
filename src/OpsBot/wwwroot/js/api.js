// The playground's JSON API (/playground/api). Every call acts as one identity (?as=).
const base = '/playground/api';
const as = identity => `?as=${encodeURIComponent(identity)}`;
const channelPath = channel => `/channels/${encodeURIComponent(channel)}`;

async function call(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(data?.error ?? `${response.status} ${response.statusText}`);
  return data;
}

export const api = {
  texts: () => call('GET', '/texts'),
  identities: () => call('GET', '/identities'),
  commands: () => call('GET', '/commands'),
  channels: () => call('GET', '/channels'),
  messages: (channel, identity) => call('GET', `${channelPath(channel)}/messages${as(identity)}`),
  run: (channel, identity, text) => call('POST', `${channelPath(channel)}/commands${as(identity)}`, { text }),
  // input: the line typed into a prompt the previous press returned (undefined for a plain press).
  press: (messageId, identity, actionId, input) => call('POST', `/messages/${messageId}/actions${as(identity)}`, { actionId, input }),
  imageUrl: (messageId, index, identity) => `${base}/messages/${messageId}/images/${index}${as(identity)}`,
  fileUrl: (messageId, index, identity) => `${base}/messages/${messageId}/files/${index}${as(identity)}`,
};
