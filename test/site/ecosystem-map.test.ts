// The ecosystem map's layout: every stakeholder a link, no two nodes overlapping, at any count.
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { ecosystemMap, labelLines } from '../../site/lib/ecosystem-map.ts';
import { html } from '../../site/lib/html.ts';
import { elements, prop, textOf } from './helpers.ts';

const noIcon = () => html``;
const centre = { href: '/lers-explained/', icon: noIcon, label: 'LER', sublabel: 'explained' };

describe('ecosystemMap', () => {
  it.each([1, 2, 3, 10, 24, 100, 1000])('places %i stakeholders as links without overlaps', (n) => {
    const nodes = Array.from({ length: n }, (_, i) => ({ name: `Group number ${i} & co`, href: `/stakeholders/g${i}/`, icon: noIcon }));
    const svg = elements(fromHtml(String(ecosystemMap(centre, nodes, 'Map')), { fragment: true }));
    const links = svg.filter((e) => e.tagName === 'a' && prop(e, 'className') === 'map-node');
    expect(links.map((a) => prop(a, 'href'))).toEqual(nodes.map((x) => x.href));
    expect(links.map((a) => textOf(a))).toEqual(nodes.map((x) => x.name));
    const circles = links.map((a) => elements(a).find((e) => e.tagName === 'circle')!).map((c) => ({ x: Number(prop(c, 'cx')), y: Number(prop(c, 'cy')), r: Number(prop(c, 'r')) }));
    const overlaps: string[] = [];
    for (let i = 0; i < circles.length; i++) {
      const a = circles[i]!;
      if (Math.hypot(a.x, a.y) <= a.r + 74) overlaps.push(`${i} and the centre`);
      for (let j = i + 1; j < circles.length; j++) {
        const b = circles[j]!;
        if (Math.hypot(a.x - b.x, a.y - b.y) <= a.r + b.r) overlaps.push(`${i} and ${j}`);
      }
    }
    expect(overlaps).toEqual([]);
    // Everything drawn lies inside the view box.
    const [minX, minY, width, height] = prop(svg[0]!, 'viewBox')!.split(' ').map(Number) as [number, number, number, number];
    for (const c of circles) {
      expect(c.x - c.r).toBeGreaterThanOrEqual(minX);
      expect(c.x + c.r).toBeLessThanOrEqual(minX + width);
      expect(c.y - c.r).toBeGreaterThanOrEqual(minY);
      expect(c.y + c.r).toBeLessThanOrEqual(minY + height);
    }
  });

  it('escapes names and links', () => {
    const svg = String(ecosystemMap(centre, [{ name: '<script>x</script>', href: '/a"b/', icon: noIcon }], 'Map'));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('href="/a&quot;b/"');
  });

  it('wraps labels at spaces', () => {
    expect(labelLines('Data Standards Organizations')).toEqual(['Data Standards', 'Organizations']);
    expect(labelLines('Employers')).toEqual(['Employers']);
  });
});
