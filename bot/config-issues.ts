// The `issues:` section of .github/ler-map.yml: labels, needs-info timing, proposals, duplicates.
// A zod fragment with defaults, merged into the bot's configuration schema (bot/config.ts).
import { z } from 'zod';

const labelName = z.string().min(1).max(50);
const color = z.string().regex(/^[0-9a-fA-F]{6}$/, 'six hexadecimal digits such as "1d76db"');

/** Defaults match .github/labels.yml, which creates these labels on installation. */
export const issuesConfigSchema = z
  .strictObject({
    /** The published site, for links to the live page. */
    site_url: z.url().default('https://digitalcredentials.github.io/ler-ecosystem-map/').describe('The published site, for links to the live page an issue is about'),
    labels: z
      .strictObject({
        feedback: labelName.default('feedback').describe('Type label of feedback on a page'),
        term: labelName.default('proposal: term').describe('Type label of a glossary term proposal'),
        resource: labelName.default('proposal: resource').describe('Type label of a resource suggestion'),
        stakeholder: labelName.default('proposal: stakeholder').describe('Type label of a proposed change to a stakeholder'),
        site: labelName.default('site problem').describe('Type label of a problem with the website'),
        needs_info: labelName.default('needs info').describe('Set while the author is asked for missing information'),
        needs_triage: labelName.default('needs triage').describe('Set on likely spam or vandalism, for a maintainer to look at'),
        duplicate: labelName.default('duplicate').describe('Set by /duplicate'),
        /** Page labels are this prefix plus the page slug ("page: employers"). */
        page_prefix: z.string().min(1).max(20).default('page: ').describe('Page labels are this prefix plus the page slug ("page: employers")'),
        /** Colours for labels the bot has to create, by label name; page labels use `page`. */
        colors: z.record(z.string(), color).default({}).describe('Colours of labels the bot creates, by label name (defaults as in .github/labels.yml)'),
        page_color: color.default('bfdadc').describe('Colour of page labels the bot creates'),
      })
      .prefault({})
      .describe('Labels of issues: type labels, flags and page labels'),
    needs_info: z
      .strictObject({
        /** Days without an answer from the author before the one reminder. */
        remind_after_days: z.int().min(1).max(365).default(7).describe('Days without an answer from the author before one reminder'),
        /** Days after the reminder before the issue is closed. */
        close_after_days: z.int().min(1).max(365).default(7).describe('Days after the reminder before the issue is closed (a reply reopens it)'),
      })
      .prefault({})
      .describe('Reminding and closing issues that wait for their author'),
    proposals: z
      .strictObject({
        /** Open the pull request as soon as a complete term or resource proposal is filed. */
        auto_accept: z.boolean().default(false).describe('Open the pull request as soon as a complete term or resource proposal is filed'),
        /** Branches are this prefix plus the issue number. */
        branch_prefix: z.string().regex(/^[A-Za-z0-9._/-]+$/).default('ler-map/proposal-').describe('Proposal branches are this prefix plus the issue number'),
      })
      .prefault({})
      .describe('Term and resource proposals made with the issue forms'),
    duplicates: z
      .strictObject({
        /** At most this many possibly related issues are listed. */
        max: z.int().min(0).max(10).default(3).describe('At most this many possibly related open issues are listed (0: none)'),
      })
      .prefault({})
      .describe('Possibly related issues listed in the acknowledgement'),
  })
  .prefault({});

export type IssuesConfig = z.infer<typeof issuesConfigSchema>;

/** The defaults, as used when the repository has no configuration file. */
export const defaultIssuesConfig: IssuesConfig = issuesConfigSchema.parse(undefined);

/** Default colours of the labels the bot may need to create (as in .github/labels.yml). */
export const defaultLabelColors: Record<string, string> = {
  feedback: 'fbca04',
  'proposal: term': 'c2e0c6',
  'proposal: resource': 'c2e0c6',
  'proposal: stakeholder': 'c2e0c6',
  'site problem': 'e99695',
  'needs info': 'd876e3',
  'needs triage': '5319e7',
  duplicate: 'cfd3d7',
};

/** The colour to create a label with. */
export function labelColor(config: IssuesConfig, name: string): string {
  if (name.startsWith(config.labels.page_prefix)) return config.labels.page_color;
  return config.labels.colors[name] ?? defaultLabelColors[name] ?? 'ededed';
}

/** The type label of each kind of issue. */
export function typeLabel(config: IssuesConfig, kind: 'feedback' | 'term' | 'resource' | 'stakeholder' | 'site'): string {
  return config.labels[kind];
}
