// Reusable field schemas and the fixed vocabularies of the content model.
import { z } from 'zod';

/** A non-empty single-line string, trimmed of nothing (whitespace is reported by rules). */
export const text = () => z.string().min(1);

/** An https URL; the https-only rule explains a wrong scheme, this only checks it is a URL. */
export const url = () => z.string().min(1).meta({ format: 'uri' });

/** A list of slugs that refer to other records. */
export const slugList = () => z.array(text());

export const titled = z.strictObject({ title: text(), description: text() });
export const link = z.strictObject({ title: text(), url: url() });

export const workStreamSlugs = ['developing', 'issuing', 'using', 'adopting'] as const;

export const resourceTopics = {
  general: 'LERs in general',
  'employment-and-workforce': 'Employment and workforce',
  'policy-and-governance': 'Policy and governance',
  'learning-and-advocacy': 'Learning and advocacy',
  'technology-and-standards': 'Technology and standards',
} as const;

export const frameworkKinds = ['standard', 'framework', 'registry', 'specification'] as const;
export const organizationRoles = ['partner', 'thanks', 'funder'] as const;
