// The ecosystem map: an inline SVG drawn at build time from the stakeholder records, with the LER
// at the centre and every stakeholder a real link around it. More records simply add nodes.
import { html, type SafeHtml } from './html.ts';

export interface MapNode {
  name: string;
  href: string;
  /** The node's icon, drawn in a square of `size` centred on (x, y) (see IconSprite.place). */
  icon: (x: number, y: number, size: number) => SafeHtml;
}

const nodeRadius = 46;
const centreRadius = 74;
const lineHeight = 21;
/** Label font size in map units (the stylesheet's `.map-node text`), for the layout's estimates. */
const labelFont = 19;

/** Splits a name into lines of at most `max` characters, at spaces. */
export function labelLines(name: string, max = 15): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The map as SVG markup. `centre` is the LER in the middle (a link to the page explaining LERs);
 * nodes are placed clockwise from the top, on a ring that grows so that they never overlap.
 */
export function ecosystemMap(centre: Omit<MapNode, 'name'> & { label: string; sublabel: string }, nodes: readonly MapNode[], title: string): SafeHtml {
  const n = nodes.length;
  const spacing = 2 * nodeRadius + 90;
  const ring = Math.max(260, (n * spacing) / (2 * Math.PI));
  const placed = nodes.map((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    return { node, x: ring * Math.cos(angle), y: ring * Math.sin(angle), lines: labelLines(node.name) };
  });
  let minX = -centreRadius - 10;
  let maxX = centreRadius + 10;
  let minY = -centreRadius - 10;
  let maxY = centreRadius + 10;
  for (const p of placed) {
    // Bold sans-serif runs at about 0.62 em per character.
    const half = Math.max(nodeRadius, (Math.max(...p.lines.map((l) => l.length)) * labelFont * 0.62) / 2) + 4;
    minX = Math.min(minX, p.x - half);
    maxX = Math.max(maxX, p.x + half);
    minY = Math.min(minY, p.y - nodeRadius - 8);
    maxY = Math.max(maxY, p.y + nodeRadius + 12 + p.lines.length * lineHeight);
  }
  const f = (v: number) => v.toFixed(1);
  const viewBox = `${f(minX)} ${f(minY)} ${f(maxX - minX)} ${f(maxY - minY)}`;

  const spokes = placed.map((p) => {
    const d = Math.hypot(p.x, p.y) || 1;
    const ux = p.x / d;
    const uy = p.y / d;
    return html`<line x1="${f(ux * centreRadius)}" y1="${f(uy * centreRadius)}" x2="${f(p.x - ux * nodeRadius)}" y2="${f(p.y - uy * nodeRadius)}"/>`;
  });

  const links = placed.map(
    (p) => html`<a href="${p.node.href}" class="map-node">
<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${nodeRadius}"/>${p.node.icon(p.x, p.y, 50)}
<text x="${f(p.x)}" y="${f(p.y + nodeRadius + 22)}">${p.lines.map((line, i) => html`${i ? ' ' : ''}<tspan x="${f(p.x)}" dy="${i === 0 ? 0 : lineHeight}">${line}</tspan>`)}</text></a>`,
  );

  return html`<svg class="ecosystem-map" viewBox="${viewBox}" role="group" aria-label="${title}">
<g class="map-spokes" aria-hidden="true">${spokes}</g>
<a href="${centre.href}" class="map-centre">
<circle cx="0" cy="0" r="${centreRadius}"/>${centre.icon(0, -16, 52)}
<text x="0" y="32" class="map-centre-label">${centre.label}</text>
<text x="0" y="52" class="map-centre-sublabel">${centre.sublabel}</text></a>
${links}
</svg>`;
}
