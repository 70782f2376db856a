// A conversation, live. A sent message is accepted (202) and stored as pending; the server saves it through a queue
// and pushes a `message` frame when it is saved (or refused). This turns "Sending" into "Sent" (or "Not sent") when
// that frame arrives, and appends messages from the other side as they are saved.
const settled = new Map(); // message id -> frame status seen before the page showed the message
let sent = false; // a message left this page and the page's answer has not come back yet

export function start(element, live) {
  const conversationId = element.dataset.conversationId;
  if (element.dataset.public) live.watch(element.dataset.itemId);

  const apply = (message) => {
    const list = element.querySelector('[data-messages]');
    let item = list.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`);
    if (!item) {
      if (message.senderId === element.dataset.me) {
        settled.set(message.id, message.status);
        return; // our own message: the page's answer to the form post shows it, then `update` settles it
      }
      item = document.createElement('li');
      item.className = 'message theirs';
      item.dataset.messageId = message.id;
      const body = document.createElement('p');
      body.className = 'body';
      body.textContent = message.body; // text, never HTML
      item.append(body);
      list.append(item);
      element.querySelector('[data-no-messages]')?.remove();
    }
    item.dataset.status = message.status;
    item.dataset.live = 'true';
    const state = item.querySelector('[data-state]');
    if (state) state.textContent = message.status === 'saved' ? element.dataset.textSent : message.status === 'failed' ? element.dataset.textFailed : state.textContent;
  };

  // Shown at once on send, before the server has answered; the page's answer replaces it with the stored message.
  const form = element.querySelector('.send-form');
  const onSubmit = () => {
    const text = form.querySelector('textarea').value.trim();
    if (!text) return;
    sent = true;
    const item = document.createElement('li');
    item.className = 'message mine';
    item.dataset.status = 'sending';
    const body = document.createElement('p');
    body.className = 'body';
    body.textContent = text;
    const status = document.createElement('p');
    status.className = 'status';
    const state = document.createElement('span');
    state.className = 'state';
    state.textContent = element.dataset.textSending;
    status.append(state);
    item.append(body, status);
    element.querySelector('[data-messages]').append(item);
  };
  form?.addEventListener('submit', onSubmit);

  // A frame pushed while this page was not connected (a full page load between send and save) is gone: read
  // the state of messages still shown as pending from the API once the live channel is up.
  const recheck = async () => {
    for (const item of element.querySelectorAll('[data-message-id][data-status=pending]')) {
      try {
        const message = await live.api(`/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(item.dataset.messageId)}`);
        if (message.status !== 'pending' && item.dataset.status === 'pending') {
          item.dataset.status = message.status;
          const state = item.querySelector('[data-state]');
          if (state) state.textContent = message.status === 'saved' ? element.dataset.textSent : element.dataset.textFailed;
        }
      } catch { /* the next frame or visit shows it */ }
    }
  };

  const unsubscribe = live.subscribe((frame) => {
    if (frame.type === 'message' && frame.message?.conversationId === conversationId) apply(frame.message);
    if (frame.type === 'welcome') recheck();
  });
  if (document.documentElement.dataset.live === 'on') recheck();
  // And while a message stays pending, look again every few seconds (a frame can be lost between two connections).
  const poll = setInterval(() => {
    if (element.querySelector('[data-message-id][data-status=pending]')) recheck();
  }, 2000);
  update(element);
  return () => {
    clearInterval(poll);
    form?.removeEventListener('submit', onSubmit);
    unsubscribe();
    if (element.dataset.public) live.unwatch(element.dataset.itemId);
  };
}

export function update(element) {
  for (const item of element.querySelectorAll('[data-message-id][data-status=pending]')) {
    const status = settled.get(item.dataset.messageId);
    if (status) {
      item.dataset.status = status;
      item.dataset.live = 'true';
      const state = item.querySelector('[data-state]');
      if (state) state.textContent = status === 'saved' ? element.dataset.textSent : element.dataset.textFailed;
    }
  }
  // Empty the box only once the page has answered a send without a problem (never on other page updates).
  const form = element.querySelector('.send-form');
  if (sent && form && !element.querySelector('.field-error:not([hidden])')) form.querySelector('textarea').value = '';
  sent = false;
}
