// Slugs for imported records: lowercase words joined by hyphens, as the content model requires.

/** Whether a string is already a valid slug (lowercase letters, digits, single hyphens). */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}

/** A slug from a name or title: "Learners & Earners" → "learners-and-earners". */
export function slugify(text: string, maxLength = 80): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    // Cut at a word boundary so long titles give readable file names.
    if (next.length > maxLength && slug) break;
    slug = next;
  }
  return slug || 'untitled';
}
