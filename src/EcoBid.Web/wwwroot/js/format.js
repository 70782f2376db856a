// The two largest units of a time span, worded like the server renders it (Texts.Span).
export function formatSpan(ms, lang) {
  const total = Math.floor(ms / 1000);
  const d = Math.floor(total / 86400), h = Math.floor(total / 3600) % 24, m = Math.floor(total / 60) % 60, s = total % 60;
  const hour = lang === 'pl' ? 'godz.' : 'h';
  if (d > 0) return `${d} d ${h} ${hour}`;
  if (h > 0) return `${h} ${hour} ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}
