// Replay progress, refreshed every 2 seconds from /admin/replays while one is pending or running.
export function start(element, live) {
  const timer = setInterval(async () => {
    if (!element.querySelector('[data-state=pending], [data-state=running]')) return;
    let replays;
    try { replays = await live.api('/admin/replays'); } catch { return; }
    for (const r of replays) {
      const item = element.querySelector(`[data-replay="${CSS.escape(r.name)}"]`);
      if (!item) continue;
      item.dataset.state = r.state;
      item.querySelector('[data-field=state]').textContent = r.state;
      item.querySelector('[data-field=progress]').value = r.progress;
      const counts = item.querySelector('[data-field=counts]');
      counts.textContent = counts.textContent.replace(/\d+/g, ((values) => () => String(values.shift()))([r.scanned, r.total, r.delivered]));
    }
  }, 2000);
  return () => clearInterval(timer);
}
