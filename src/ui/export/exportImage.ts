/**
 * Image exports of the plot. The live SVG is styled by CSS variables; an exported copy carries
 * its resolved colours and fonts inline, so it looks the same in any viewer.
 */

/** Presentation properties copied from computed style into the exported SVG. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'paint-order',
  'visibility',
  // The posterior's paths are drawn scaled; their strokes are not.
  'vector-effect',
] as const;

/** A copy of `svg` whose elements carry their computed presentation styles inline. */
function inlinedCopy(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const sources = [svg, ...svg.querySelectorAll('*')];
  const targets = [copy, ...copy.querySelectorAll('*')];
  sources.forEach((source, i) => {
    const target = targets[i];
    if (!(target instanceof SVGElement)) return;
    const computed = getComputedStyle(source);
    const style = STYLE_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(
      ';',
    );
    target.setAttribute('style', style);
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
  });
  return copy;
}

/**
 * One standalone SVG document from stacked layers of the same size (first at the bottom), with
 * computed styles inlined and the card's background behind them.
 */
export function serializeSvg(layers: readonly SVGSVGElement[]): string {
  const [bottom, ...rest] = layers;
  if (!bottom) throw new Error('There is no plot to export.');
  const copy = inlinedCopy(bottom);
  copy.removeAttribute('aria-hidden');
  for (const layer of rest) copy.append(...inlinedCopy(layer).childNodes);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute(
    'fill',
    getComputedStyle(bottom.closest('.card') ?? document.body).backgroundColor,
  );
  copy.insertBefore(background, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The plot's stacked layers as a PNG at `scale` times their on-screen size. */
export async function renderPng(layers: readonly SVGSVGElement[], scale = 2): Promise<Blob> {
  const { width, height } = layers[0]?.getBoundingClientRect() ?? { width: 0, height: 0 };
  const url = URL.createObjectURL(new Blob([serializeSvg(layers)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw to a canvas.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers `blob` as a download named `filename`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
