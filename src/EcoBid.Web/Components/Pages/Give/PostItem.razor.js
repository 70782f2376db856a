// Posting: the browser's location on request fills the place field; the submit button shows progress.
export function start(form) {
  const locate = form.querySelector('[data-locate]');
  if (navigator.geolocation && locate) {
    locate.hidden = false;
    locate.addEventListener('click', () => {
      navigator.geolocation.getCurrentPosition((p) => {
        form.querySelector('[data-place]').value = `${p.coords.latitude.toFixed(5)}, ${p.coords.longitude.toFixed(5)}`;
      });
    });
  }
  const submit = form.querySelector('button[type=submit]');
  const label = submit.textContent;
  form.addEventListener('submit', () => {
    submit.disabled = true;
    submit.textContent = submit.dataset.busyText;
  });
  return () => { submit.disabled = false; submit.textContent = label; };
}

export function update(form) {
  const submit = form.querySelector('button[type=submit]');
  if (submit) submit.disabled = false;
}
