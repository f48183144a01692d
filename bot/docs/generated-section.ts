// Replaces the generated part of a hand-written markdown file, between its start and end markers.

/**
 * Replaces what lies between `<!-- generated:NAME:start … -->` and `<!-- generated:NAME:end -->`
 * (the marker lines stay, so people can edit everything around them by hand).
 */
export function replaceGeneratedSection(text: string, name: string, content: string, file: string): string {
  const start = new RegExp(`^<!-- generated:${name}:start\\b.*-->$`, 'm').exec(text);
  const endMarker = `<!-- generated:${name}:end -->`;
  const end = text.indexOf(endMarker, start ? start.index : 0);
  if (!start || end === -1) {
    throw new Error(`${file}: missing the markers "<!-- generated:${name}:start -->" and "${endMarker}", expected both around the generated part`);
  }
  const from = start.index + start[0].length;
  return `${text.slice(0, from)}\n${content.trim()}\n${text.slice(end)}`;
}
