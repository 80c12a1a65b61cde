// A chart on the page as a file: its SVG with the page's colours written in (the live chart uses CSS
// variables, which a file opened elsewhere does not have), its HTML legend drawn into the SVG, and a PNG
// rendered from that SVG. Runs in the browser; nothing leaves it.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Presentation properties copied from the live chart into the file. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

/** The chart's own SVG in a figure (the legend's icons are small SVGs of the same class). */
export function chartSurface(figure: HTMLElement): SVGSVGElement | null {
  for (const svg of figure.querySelectorAll<SVGSVGElement>('svg.recharts-surface'))
    if (!svg.closest('.recharts-legend-wrapper')) return svg;
  return null;
}

/** The chart in a figure as a standalone SVG document (text), or null when the chart is not mounted. */
export function chartSvgText(
  figure: HTMLElement,
  title: string,
): { svg: string; width: number; height: number } | null {
  const live = chartSurface(figure);
  if (!live) return null;
  const width = Math.round(live.width.baseVal.value || live.getBoundingClientRect().width);
  const chartHeight = Math.round(live.height.baseVal.value || live.getBoundingClientRect().height);
  const clone = live.cloneNode(true) as SVGSVGElement;
  // Walk both trees together and write each element's computed presentation into the copy.
  const liveAll = [live, ...live.querySelectorAll('*')];
  const cloneAll = [clone, ...clone.querySelectorAll('*')];
  liveAll.forEach((el, i) => {
    const copy = cloneAll[i];
    if (!copy || !(el instanceof SVGElement)) return;
    const cs = getComputedStyle(el);
    for (const p of PROPERTIES) {
      const v = cs.getPropertyValue(p);
      if (v !== '') copy.setAttribute(p, v);
    }
    copy.removeAttribute('style');
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
  });
  // The legend is HTML beside the SVG: draw its entries as rows under the plot.
  const legend = [...figure.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((item) => {
    const icon = item.querySelector<SVGElement>('svg path, svg line, svg rect');
    const cs = icon ? getComputedStyle(icon) : null;
    const colour = cs ? (cs.stroke !== 'none' && cs.stroke !== '' ? cs.stroke : cs.fill) : 'currentColor';
    return { text: item.textContent?.trim() ?? '', colour };
  });
  const pageStyle = getComputedStyle(figure);
  const background = getComputedStyle(document.body).backgroundColor;
  const foreground = pageStyle.color;
  // The HTML legend sits inside the chart's box, under the plot: the drawn legend replaces it there.
  const legendBox = figure.querySelector('.recharts-legend-wrapper')?.getBoundingClientRect().height ?? 0;
  const plotHeight = Math.max(0, chartHeight - Math.round(legendBox));
  const rowHeight = 18;
  const top = 28;
  const legendHeight = legend.length * rowHeight + (legend.length > 0 ? 10 : 0);
  const height = top + plotHeight + legendHeight;
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', pageStyle.fontFamily);
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${escapeXml(background)}"/>`,
    `<text x="8" y="18" font-size="14" font-weight="600" fill="${escapeXml(foreground)}">${escapeXml(title)}</text>`,
    `<g transform="translate(0 ${top})">${new XMLSerializer().serializeToString(clone)}</g>`,
  ];
  legend.forEach((entry, i) => {
    const y = top + plotHeight + 10 + i * rowHeight;
    parts.push(
      `<line x1="12" y1="${y + 8}" x2="32" y2="${y + 8}" stroke="${escapeXml(entry.colour)}" stroke-width="3"/>`,
      `<text x="40" y="${y + 12}" font-size="12" fill="${escapeXml(foreground)}">${escapeXml(entry.text)}</text>`,
    );
  });
  const open = new XMLSerializer().serializeToString(root).replace(/\/>$|><\/svg>$/, '>');
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${open}${parts.join('')}</svg>\n`, width, height };
}

/** A PNG of an SVG document at `scale` times its size. */
export function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no 2D canvas'));
        return;
      }
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      );
    };
    image.onerror = () => reject(new Error('the SVG could not be drawn'));
    // A data: URL, which the page's Content-Security-Policy allows for images (img-src 'self' data:).
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
