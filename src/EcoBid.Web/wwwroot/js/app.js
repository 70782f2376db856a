// The page script every page loads: starts the modules a page names (data-module), keeps countdowns ticking,
// and holds the live channel for a signed-in person. Blazor's enhanced navigation swaps page content without a
// reload, so all three are re-checked after each enhanced load.
import { live } from './live.js';
import { formatSpan } from './format.js';

const running = new Map(); // element -> { module, stop }

async function startModules() {
  for (const [element, entry] of running) {
    if (!element.isConnected) {
      entry.stop?.();
      running.delete(element);
    } else {
      entry.module?.update?.(element, live);
    }
  }
  for (const element of document.querySelectorAll('[data-module]')) {
    if (running.has(element)) continue;
    const entry = { module: null, stop: null };
    running.set(element, entry);
    try {
      entry.module = await import(new URL(element.dataset.module, document.baseURI).href);
      entry.stop = entry.module.start?.(element, live) ?? null;
    } catch (error) {
      console.error('EcoBid: a page module failed to start', error);
    }
  }
}

function tick() {
  const now = Date.now();
  for (const time of document.querySelectorAll('[data-countdown]')) {
    const left = Date.parse(time.getAttribute('datetime')) - now;
    time.textContent = left > 0 ? formatSpan(left, time.dataset.lang) : time.dataset.ended;
  }
}

function unreadBadge(frame) {
  if (frame.type !== 'notification') return;
  for (const badge of document.querySelectorAll('[data-unread]')) {
    const count = (parseInt(badge.dataset.unread, 10) || 0) + 1;
    badge.dataset.unread = String(count);
    badge.textContent = String(count);
    badge.hidden = false;
  }
  for (const label of document.querySelectorAll('[data-unread-label]')) {
    label.textContent = label.textContent.replace(/\d+/, (n) => String(parseInt(n, 10) + 1));
  }
}

// A photo shows its average colour until its bytes arrive; the policy allows no inline style, so the page names the
// colour in data-placeholder-colour and it is set here through the CSSOM.
function paintPlaceholders() {
  for (const image of document.querySelectorAll('[data-placeholder-colour]')) {
    if (/^#[0-9a-f]{6}$/.test(image.dataset.placeholderColour)) image.style.backgroundColor = image.dataset.placeholderColour;
  }
}

function pageChanged() {
  settleButtons();
  paintPlaceholders();
  live.follow(document.querySelector('[data-signed-in]') !== null);
  startModules();
  tick();
}

// Long work shows progress: a submit button with data-busy-text says so and waits until the page answers.
document.addEventListener('submit', (event) => {
  const button = event.submitter;
  if (button?.dataset.busyText) {
    button.dataset.idleText = button.textContent;
    button.textContent = button.dataset.busyText;
    button.disabled = true;
    button.closest('form')?.setAttribute('aria-busy', 'true');
  }
});

function settleButtons() {
  for (const button of document.querySelectorAll('button[data-idle-text]')) {
    button.textContent = button.dataset.idleText;
    button.disabled = false;
    delete button.dataset.idleText;
    button.closest('form')?.removeAttribute('aria-busy');
  }
}

// Blazor's script after the first paint: until it runs, links and forms work as plain HTML.
function loadBlazor() {
  const url = document.querySelector('meta[name=ecobid-blazor]')?.content;
  if (!url || window.Blazor) return;
  const script = document.createElement('script');
  script.src = new URL(url, document.baseURI).href;
  script.addEventListener('load', () => window.Blazor?.addEventListener?.('enhancedload', pageChanged));
  document.body.append(script);
}

live.subscribe(unreadBadge);
setInterval(tick, 1000);
pageChanged();
requestAnimationFrame(() => setTimeout(loadBlazor, 0));
