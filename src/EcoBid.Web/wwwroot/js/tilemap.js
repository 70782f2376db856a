// A map without a library, only when Web:MapTiles names a tile server: the 3×3 tiles around the item at zoom 15
// and a marker on its point. Positions are set through the style object, which the CSP allows (no style attribute).
const TILE = 256;
const ZOOM = 15;

export function start(element) {
  const lat = parseFloat(element.dataset.lat);
  const lon = parseFloat(element.dataset.lon);
  const n = 2 ** ZOOM;
  const x = ((lon + 180) / 360) * n;
  const rad = (lat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  const [tx, ty] = [Math.floor(x), Math.floor(y)];
  element.replaceChildren();
  const width = element.clientWidth || 320;
  const height = element.clientHeight || 240;
  const left = width / 2 - (x - tx + 1) * TILE;
  const top = height / 2 - (y - ty + 1) * TILE;
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      const img = document.createElement('img');
      img.alt = '';
      img.width = TILE;
      img.height = TILE;
      img.src = element.dataset.tiles.replace('{z}', ZOOM).replace('{x}', (tx + dx + n) % n).replace('{y}', ty + dy);
      img.style.position = 'absolute';
      img.style.left = `${left + (dx + 1) * TILE}px`;
      img.style.top = `${top + (dy + 1) * TILE}px`;
      element.append(img);
    }
  }
  const marker = document.createElement('span');
  marker.className = 'map-marker';
  marker.style.left = `${width / 2}px`;
  marker.style.top = `${height / 2}px`;
  element.append(marker);
}
