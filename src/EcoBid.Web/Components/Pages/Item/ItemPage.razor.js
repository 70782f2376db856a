// The item page, live: watches the item on /ws and, on each of its events (a bid, an extension, the end, an edit),
// reads the item again from the API and shows the new price, minimum bid, leader state and end; on a reservation or
// waitlist change it shows the person's place in line from their own frame. The API computes all of them; this only displays what
// it answers.
export function start(element, live) {
  const itemId = element.dataset.itemId;
  const lang = element.dataset.lang === 'pl' ? 'pl-PL' : 'en-GB';
  let refreshing = null;

  const money = (minor, currency) => new Intl.NumberFormat(lang, { style: 'currency', currency }).format(minor / 100);
  const field = (name) => element.querySelector(`[data-field="${name}"]`);

  async function refresh() {
    const item = await live.api(`/items/${encodeURIComponent(itemId)}`);
    const auction = item.auction;
    if (!auction) return;
    const panel = element.querySelector('[data-auction]');
    if (!panel) return;
    if (field('price')) field('price').textContent = money(auction.currentPrice ?? auction.startPrice, auction.currency);
    if (field('bids')) field('bids').textContent = String(auction.bidCount);
    if (field('minimum')) field('minimum').textContent = auction.minimumBid == null ? '—' : money(auction.minimumBid, auction.currency);
    const leader = field('leader');
    if (leader && auction.youLead != null) {
      leader.dataset.youLead = String(auction.youLead);
      leader.textContent = auction.youLead ? panel.dataset.textLead : panel.dataset.textOutbid;
    }
    const countdown = panel.querySelector('[data-countdown]');
    if (countdown) countdown.setAttribute('datetime', auction.endsAt);
    const input = panel.querySelector('#maxAmount');
    if (input && auction.minimumBid != null && document.activeElement !== input) input.value = (auction.minimumBid / 100).toFixed(2);
    if (auction.status === 'ended' || auction.status === 'cancelled') {
      // The result (winner, pickup) is rendered by the server: reload the page content with enhanced navigation.
      if (window.Blazor?.navigateTo) window.Blazor.navigateTo(location.pathname + location.search, { forceLoad: false, replaceHistoryEntry: true });
      else location.reload();
    }
  }

  // The line moved (someone ahead left, a reservation ended): the frame of a person in line carries their own
  // place. Their own join or leave is already on the page; when the item came to them (or went), the server renders
  // what now applies.
  function linePlace(detail) {
    if (detail.byYou) return;
    const place = element.querySelector('[data-waitlist-place]');
    if (!place) return;
    if (detail.yourPlace != null) place.textContent = place.dataset.template.replace('{0}', String(detail.yourPlace));
    else if (window.Blazor?.navigateTo) window.Blazor.navigateTo(location.pathname + location.search, { forceLoad: false, replaceHistoryEntry: true });
    else location.reload();
  }

  const lineEvents = new Set(['ReservationCreated', 'ReservationCancelled', 'ReservationExpired', 'ReservationCompleted', 'WaitlistJoined', 'WaitlistLeft']);
  const unsubscribe = live.subscribe((frame) => {
    if (frame.type !== 'item' || frame.itemId !== itemId) return;
    if (lineEvents.has(frame.event)) linePlace(frame.detail ?? {});
    else refreshing ??= refresh().catch(() => {}).finally(() => { refreshing = null; });
  });
  live.watch(itemId);
  return () => {
    unsubscribe();
    live.unwatch(itemId);
  };
}
