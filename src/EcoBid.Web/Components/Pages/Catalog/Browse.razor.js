// Browse: the browser's location on request, and infinite scroll over the API's cursors (each next page is the
// server-rendered page for the next cursor; its cards are appended).
export function start(form) {
  const locate = form.querySelector('[data-locate]');
  if (navigator.geolocation && locate) {
    locate.hidden = false;
    locate.addEventListener('click', () => {
      locate.disabled = true;
      locate.textContent = locate.dataset.busy ?? locate.textContent;
      navigator.geolocation.getCurrentPosition((position) => {
        form.querySelector('[data-lat]').value = position.coords.latitude.toFixed(5);
        form.querySelector('[data-lon]').value = position.coords.longitude.toFixed(5);
        form.querySelector('#place').value = '';
        form.requestSubmit();
      }, () => { locate.disabled = false; });
    });
  }
  form.addEventListener('submit', () => {
    // A typed place wins over a previous location.
    if (form.querySelector('#place').value.trim() !== '') {
      form.querySelector('[data-lat]').value = '';
      form.querySelector('[data-lon]').value = '';
    }
  });

  let observer = null;
  let loading = false;
  const watchNext = () => {
    observer?.disconnect();
    const next = document.querySelector('[data-next]');
    if (!next || !('IntersectionObserver' in window)) return;
    observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore(next);
    }, { rootMargin: '400px' });
    observer.observe(next);
  };
  const loadMore = async (next) => {
    if (loading) return;
    loading = true;
    const list = document.querySelector('[data-results]');
    const spinner = document.querySelector('[data-loading]');
    const failed = document.querySelector('[data-load-error]');
    spinner.hidden = false;
    failed.hidden = true;
    list.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(next.href, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const card of page.querySelectorAll('[data-results] > li')) list.append(document.adoptNode(card));
      const more = page.querySelector('[data-next]');
      if (more) next.href = more.getAttribute('href');
      else next.closest('p').remove();
      watchNext();
    } catch {
      failed.hidden = false;
      failed.querySelector('[data-retry]').onclick = (e) => { e.preventDefault(); loadMore(next); };
    } finally {
      spinner.hidden = true;
      list.removeAttribute('aria-busy');
      loading = false;
    }
  };
  watchNext();
  return () => observer?.disconnect();
}

export function update() {}
