// Photos on the edit page. Each chosen file asks the API for a signed upload URL, goes there straight from the
// browser (the signature is the authority, so no token travels with the bytes) with its progress shown, and is then
// followed until ProcessImage has made its thumbnail or refused it.
const pending = new Set(['awaiting_upload', 'processing']);
const base83 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';

export function start(section) {
  const input = section.querySelector('[data-photo-input]');
  let batches = 0;
  let edited = false; // typing in the listing's fields: a fresh read of the page must not lose it
  const onInput = (event) => { if (!section.contains(event.target)) edited = true; };
  const onChange = async () => {
    const files = [...input.files];
    input.value = '';
    batches++;
    let settled = true;
    for (const file of files) {
      // Refused and failed photos do not count against the limit (the API decides in the end).
      if (section.querySelectorAll('.photo:not([data-status=rejected]):not([data-status=failed])').length >= Number(section.dataset.maxPhotos)) {
        showProblem(section, section.dataset.textFull);
        settled = false;
        break;
      }
      settled = (await addPhoto(section, file)) && settled;
    }
    batches--;
    // The server renders each photo's buttons (move, remove) in the photos form: once nothing is in flight, read the
    // page again. Not after a failed or refused-for-room upload, whose message only this page knows, nor over unsaved
    // typing; then the buttons come with the next load.
    if (batches === 0 && settled && !edited && window.Blazor?.navigateTo) {
      window.Blazor.navigateTo(location.pathname + location.search, { forceLoad: false, replaceHistoryEntry: true });
    }
  };
  input.addEventListener('change', onChange);
  document.addEventListener('input', onInput);
  return () => {
    input.removeEventListener('change', onChange);
    document.removeEventListener('input', onInput);
  };
}

async function addPhoto(section, file) {
  const entry = newEntry(section);
  try {
    const token = await accessToken();
    const itemId = section.dataset.itemId;
    const created = await fetch(`/items/${encodeURIComponent(itemId)}/images`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ contentType: file.type, sizeBytes: file.size }),
    });
    if (!created.ok) throw new Error(problemText(await created.text()) ?? section.dataset.textFailed);
    const ticket = await created.json();
    entry.item.dataset.imageId = ticket.id;
    delete entry.item.dataset.uploading;
    await put(ticket.upload, file, (share) => { entry.progress.value = share; });
    entry.progress.remove();
    entry.state.textContent = section.dataset.textProcessing;
    const image = await processed(itemId, ticket.id, token);
    show(section, entry, image);
    return true;
  } catch (error) {
    entry.progress.remove();
    entry.item.dataset.status = 'failed';
    entry.state.textContent = error.message || section.dataset.textFailed;
    return false;
  }
}

function newEntry(section) {
  const item = document.createElement('li');
  item.className = 'photo';
  item.dataset.uploading = 'true';
  item.dataset.status = 'awaiting_upload';
  const thumb = document.createElement('span');
  thumb.className = 'thumb placeholder';
  thumb.setAttribute('aria-hidden', 'true');
  const progress = document.createElement('progress');
  progress.max = 1;
  progress.value = 0;
  progress.setAttribute('aria-label', section.dataset.textUploading);
  const state = document.createElement('span');
  state.className = 'photo-state';
  state.dataset.photoState = '';
  state.textContent = section.dataset.textUploading;
  item.append(thumb, progress, state);
  section.querySelector('[data-photos]').append(item);
  return { item, thumb, progress, state };
}

function show(section, entry, image) {
  entry.item.dataset.status = image.status;
  if (image.status === 'ready' && image.urls?.thumb) {
    const img = document.createElement('img');
    img.className = 'thumb';
    img.alt = '';
    img.width = 96;
    img.height = 96;
    const colour = placeholderColour(image.placeholder);
    if (colour) img.style.backgroundColor = colour; // CSSOM, which the content security policy allows
    img.src = image.urls.thumb;
    entry.thumb.replaceWith(img);
    entry.state.textContent = section.dataset.textReady;
  } else {
    const reasons = (image.problems ?? []).map((p) => p.message).join(' ');
    entry.state.textContent = reasons ? `${section.dataset.textRefused}: ${reasons}` : section.dataset.textRefused;
  }
}

async function accessToken() {
  const response = await fetch('/web/live-token', { headers: { 'X-EcoBid-Live': '1' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(problemText(await response.text()) ?? response.statusText);
  return (await response.json()).token;
}

// XMLHttpRequest rather than fetch: only it reports the upload's progress.
function put(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(upload.method, upload.url);
    request.setRequestHeader('Content-Type', upload.headers['Content-Type']);
    request.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    request.addEventListener('load', () => (request.status < 300 ? resolve() : reject(new Error(problemText(request.responseText) ?? String(request.status)))));
    request.addEventListener('error', () => reject(new Error('')));
    request.send(file);
  });
}

async function processed(itemId, imageId, token) {
  for (let attempt = 0; attempt < 240; attempt++) {
    const response = await fetch(`/items/${encodeURIComponent(itemId)}/images/${encodeURIComponent(imageId)}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(problemText(await response.text()) ?? String(response.status));
    const image = await response.json();
    if (!pending.has(image.status)) return image;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('');
}

function problemText(body) {
  try {
    const problem = JSON.parse(body);
    const field = problem.errors ? Object.values(problem.errors).flat()[0] : null;
    return field ?? problem.detail ?? problem.title ?? null;
  } catch {
    return null;
  }
}

function showProblem(section, text) {
  const problem = section.querySelector('[data-photo-problem]');
  problem.textContent = text;
  problem.hidden = false;
}

// The average colour in a BlurHash's first component (characters 2 to 5, base 83).
function placeholderColour(hash) {
  if (!hash || hash.length < 6) return null;
  let value = 0;
  for (const c of hash.slice(2, 6)) {
    const digit = base83.indexOf(c);
    if (digit < 0) return null;
    value = value * 83 + digit;
  }
  return value > 0xffffff ? null : `#${value.toString(16).padStart(6, '0')}`;
}
