// The live channel (/ws, docs/notifications.md): one WebSocket per tab while someone is signed in. It signs in
// with a short-lived access token fetched from /web/live-token (the page never stores one), answers pings, resumes
// after the last notification id it saw, and hands every frame to the subscribers (badge, page modules).
const subscribers = new Set();
const watched = new Set();
let socket = null;
let wanted = false;
let lastNotification = null;
let retry = 0;
let tokenCache = null;

async function fetchToken() {
  if (tokenCache && Date.parse(tokenCache.expiresAt) - Date.now() > 60_000) return tokenCache;
  const response = await fetch('/web/live-token', { headers: { 'X-EcoBid-Live': '1' }, credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw new Error(`live token: ${response.status}`);
  tokenCache = await response.json();
  return tokenCache;
}

async function connect() {
  if (!wanted || socket) return;
  let token;
  try {
    token = await fetchToken();
  } catch {
    schedule();
    return;
  }
  if (!wanted || socket) return;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
  const ws = new WebSocket(url);
  socket = ws;
  ws.addEventListener('open', () => {
    const auth = { type: 'auth', token: token.token };
    if (lastNotification !== null) auth.resumeAfter = lastNotification;
    ws.send(JSON.stringify(auth));
  });
  ws.addEventListener('message', (event) => {
    let frame;
    try { frame = JSON.parse(event.data); } catch { return; }
    if (frame.type === 'ping') { ws.send('{"type":"pong"}'); return; }
    if (frame.type === 'welcome') {
      retry = 0;
      for (const itemId of watched) ws.send(JSON.stringify({ type: 'watch', itemId }));
      document.documentElement.dataset.live = 'on';
    }
    if (frame.type === 'notification') {
      const id = frame.notification?.id;
      if (lastNotification !== null && id <= lastNotification) return;
      lastNotification = id;
    }
    for (const subscriber of subscribers) {
      try { subscriber(frame); } catch (error) { console.error(error); }
    }
  });
  ws.addEventListener('close', (event) => {
    if (socket === ws) socket = null;
    delete document.documentElement.dataset.live;
    if (event.code === 4001) tokenCache = null; // the token ran out: fetch a fresh one and resume
    schedule();
  });
}

function schedule() {
  if (!wanted) return;
  const wait = Math.min(30_000, 500 * 2 ** retry++) * (0.5 + Math.random() / 2);
  setTimeout(connect, wait);
}

function send(message) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

export const live = {
  /** Connects while signed in, disconnects after signing out. */
  follow(signedIn) {
    wanted = signedIn;
    if (signedIn) connect();
    else {
      tokenCache = null;
      lastNotification = null;
      socket?.close(1000);
      socket = null;
    }
  },
  subscribe(fn) { subscribers.add(fn); return () => subscribers.delete(fn); },
  watch(itemId) { watched.add(itemId); send({ type: 'watch', itemId }); },
  unwatch(itemId) { watched.delete(itemId); send({ type: 'unwatch', itemId }); },
  /** Reads the API as the signed-in person, with the same short-lived token. */
  async api(path) {
    const headers = {};
    if (wanted) {
      try { headers.Authorization = `Bearer ${(await fetchToken()).token}`; } catch { /* anonymous read */ }
    }
    const response = await fetch(path, { headers, cache: 'no-store' });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  },
  get userId() { return tokenCache?.userId ?? null; },
};
