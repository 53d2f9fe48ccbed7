// Saving what a view made (CSV text, a chart as SVG or PNG) as a file the browser downloads.

/** A file name stamp: 20260608-153000. */
export function stamp(date = new Date()): string {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** Download a blob under a name. */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Download CSV text (it carries its own byte-order mark, see core/analysis/csv.ts). */
export function saveCsv(name: string, csv: string): void {
  saveBlob(name, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}

/** An SVG element as a standalone SVG file's text. */
export function svgText(svg: SVGSVGElement): string {
  // An element in the SVG namespace serialises with its xmlns, so the file stands alone.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Download a chart (an SVG element) as a standalone SVG file. */
export function saveSvg(name: string, svg: SVGSVGElement): void {
  saveBlob(name, new Blob([svgText(svg)], { type: 'image/svg+xml' }));
}

/** An SVG element drawn onto a canvas at `scale` and encoded as PNG. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight;
  // A data: URL, not a blob: one: the page's Content-Security-Policy allows images from data:.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  const img = new Image();
  img.decoding = 'sync';
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}
