// The queue table, refreshed every 5 seconds from /admin/queues while the console is open.
export function start(element, live) {
  const timer = setInterval(async () => {
    let queues;
    try { queues = await live.api('/admin/queues'); } catch { return; }
    for (const q of queues) {
      const row = element.querySelector(`tr[data-queue="${CSS.escape(q.queue)}"]`);
      if (!row) continue;
      for (const col of ['visible', 'inFlight', 'delayed']) row.querySelector(`[data-col=${col}]`).textContent = String(q[col]);
      const dead = row.querySelector('[data-col=deadLettered]');
      const shown = dead.querySelector('a, span');
      if (shown && shown.textContent !== String(q.deadLettered)) {
        shown.textContent = String(q.deadLettered);
      }
    }
  }, 5000);
  return () => clearInterval(timer);
}
