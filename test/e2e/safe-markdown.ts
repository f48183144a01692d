// What "nothing unescaped reaches a comment" means, checked on the markdown GitHub would render:
// no HTML but the bot's own few tags, no link or image that is not an https link the bot made,
// no @mention but of the people the bot means to address. Code spans and blocks are inert.
import type { Nodes, Parent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** HTML the bot writes itself: its hidden markers, and a few layout tags around its own words. */
function isOwnHtml(html: string): boolean {
  if (/^<!-- ler-map:[a-z-]+(?: \{[^\n]*\})? -->$/.test(html)) return true;
  // Only <sub>, <details>, <summary> and <br> tags, with plain text between them.
  return !/[<>]/.test(html.replace(/<\/?(?:sub|details|summary|br)>/g, ''));
}

export interface SafetyOptions {
  /** Logins the bot addresses on purpose (the author, the commenter). */
  mentions?: readonly string[];
  /** URL prefixes the bot links to (the site, the repository on github.com). */
  links?: readonly string[];
}

/** The problems of a comment body: each names what would have reached GitHub's renderer. */
export function unsafeParts(body: string, options: SafetyOptions = {}): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body);
  const problems: string[] = [];
  const mentions = new Set((options.mentions ?? []).map((m) => m.toLowerCase()));
  const links = options.links ?? [];
  const walk = (node: Nodes) => {
    switch (node.type) {
      case 'inlineCode':
      case 'code':
        return;
      case 'html':
        if (!isOwnHtml(node.value.trim())) problems.push(`HTML ${JSON.stringify(node.value)}`);
        return;
      case 'link':
      case 'image':
      case 'definition':
        if (!links.some((prefix) => node.url.startsWith(prefix))) problems.push(`${node.type} to ${JSON.stringify(node.url)}`);
        break;
      case 'linkReference':
      case 'imageReference':
        problems.push(`${node.type} [${node.identifier}]`);
        break;
      case 'text':
        // GitHub turns @login and @org/team into mentions (not after a word character).
        for (const m of node.value.matchAll(/(?:^|[^\w`])@([A-Za-z0-9](?:[A-Za-z0-9-]*)(?:\/[A-Za-z0-9-]+)?)/g)) {
          if (!mentions.has(m[1]!.toLowerCase())) problems.push(`mention @${m[1]}`);
        }
        return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(tree);
  return problems;
}
