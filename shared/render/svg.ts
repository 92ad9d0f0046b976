import type { Report } from '../schemas/index.js';

const PALETTE = [
  '#1f6feb',
  '#d97706',
  '#059669',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#dc2626',
  '#4b5563',
];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Width of a label in px at a font size: CJK characters are full width, Latin about half. */
function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.58;
  return units * size;
}

/** A word cloud laid out in centred rows, biggest words first (deterministic). */
export function wordCloudSvg(words: Report['visualization']['wordCloud'], width = 900): string {
  const top = words.slice(0, 60);
  const max = Math.max(1e-9, ...top.map((w) => w.weight));
  const rows: Array<{
    items: Array<{ text: string; size: number; w: number; color: string }>;
    width: number;
    height: number;
  }> = [];
  top.forEach((word, i) => {
    const size = Math.round(14 + 34 * Math.sqrt(word.weight / max));
    const w = textWidth(word.text, size) + 16;
    let row = rows[rows.length - 1];
    if (!row || row.width + w > width - 20) {
      row = { items: [], width: 0, height: 0 };
      rows.push(row);
    }
    row.items.push({ text: word.text, size, w, color: PALETTE[i % PALETTE.length]! });
    row.width += w;
    row.height = Math.max(row.height, size * 1.3);
  });
  let y = 10;
  const parts: string[] = [];
  for (const row of rows) {
    let x = (width - row.width) / 2;
    y += row.height;
    for (const item of row.items) {
      parts.push(
        `<text x="${(x + 8).toFixed(1)}" y="${y.toFixed(1)}" font-size="${item.size}" fill="${item.color}">${esc(item.text)}</text>`,
      );
      x += item.w;
    }
  }
  const height = Math.ceil(y + 20);
  return svg(width, height, parts.join('\n'));
}

/** Trends as rows of boxes, each sub-trend a box sized by its sessions. */
export function trendMapSvg(hierarchy: Report['visualization']['trendHierarchy'], width = 900): string {
  const parts: string[] = [];
  let y = 20;
  hierarchy.forEach((trend, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    parts.push(
      `<text x="20" y="${y + 18}" font-size="18" font-weight="bold" fill="${color}">${esc(`${i + 1}. ${trend.name}`)} (${trend.sessions})</text>`,
    );
    y += 30;
    const total = Math.max(
      1,
      trend.children.reduce((s, c) => s + c.sessions, 0),
    );
    let x = 20;
    for (const child of trend.children) {
      const w = Math.max(60, ((width - 40) * child.sessions) / total - 6);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="44" rx="6" fill="${color}" fill-opacity="0.15" stroke="${color}"/>`,
      );
      parts.push(
        `<text x="${(x + 8).toFixed(1)}" y="${y + 27}" font-size="13" fill="#111">${esc(clip(child.name, w, 13))} (${child.sessions})</text>`,
      );
      x += w + 6;
    }
    y += 60;
  });
  return svg(width, y + 10, parts.join('\n'));
}

function clip(text: string, width: number, size: number): string {
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…  (00)`, size) > width - 12) return `${out}…`;
    out += ch;
  }
  return out;
}

function svg(width: number, height: number, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans CJK TC','PingFang TC','Microsoft JhengHei',sans-serif">\n<rect width="100%" height="100%" fill="#fff"/>\n${content}\n</svg>\n`;
}
