// The inbox, live: each notification frame from /ws is put at the top of the first page, as the server renders it
// (title, body, date, a link by the ids its data carries). Text goes in as text, never as HTML.
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n) => String(n).padStart(2, '0');

// The same format as the server's Texts.Date.
function date(iso) {
  const d = new Date(iso);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  return document.documentElement.lang === 'pl'
    ? `${d.getUTCDate()}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${time}`
    : `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${time}`;
}

function link(data) {
  if (!data || typeof data !== 'object') return null;
  const text = (name) => (typeof data[name] === 'string' ? encodeURIComponent(data[name]) : null);
  return text('conversationId') ? `/messages/${text('conversationId')}`
    : text('reservationId') ? `/my/reservations/${text('reservationId')}`
    : text('itemId') ? `/item/${text('itemId')}`
    : null;
}

function paragraph(className, text) {
  const p = document.createElement('p');
  if (className) p.className = className;
  if (text !== undefined) p.textContent = text;
  return p;
}

export function start(element, live) {
  return live.subscribe((frame) => {
    const n = frame.type === 'notification' ? frame.notification : null;
    const list = element.querySelector('[data-inbox]');
    if (!n || !list || list.querySelector(`[data-notification-id="${CSS.escape(String(n.id))}"]`)) return;

    const item = document.createElement('li');
    item.className = n.read ? '' : 'unread';
    item.dataset.notificationId = String(n.id);
    item.dataset.kind = n.kind;
    item.dataset.live = 'true';
    const title = document.createElement('strong');
    title.textContent = n.title;
    const heading = paragraph();
    heading.append(title);
    const meta = paragraph('meta');
    const when = document.createElement('span');
    when.className = 'muted';
    when.textContent = date(n.createdAt);
    meta.append(when);
    const href = link(n.data);
    if (href) {
      const open = document.createElement('a');
      open.href = href;
      open.textContent = element.dataset.textOpen;
      meta.append(open);
    }
    if (!n.read) {
      const unread = document.createElement('span');
      unread.className = 'visually-hidden';
      unread.textContent = element.dataset.textUnread;
      meta.append(unread);
    }
    item.append(heading, paragraph('', n.body), meta);
    list.prepend(item);
    list.hidden = false;
    element.querySelector('.empty')?.remove();
    if (!n.read) {
      const readAll = element.querySelector('[data-read-all]');
      if (readAll) readAll.hidden = false;
    }
  });
}

export function update() {}
