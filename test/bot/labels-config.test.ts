// .github/labels.yml and the bot's configuration defaults agree on every label's name, colour
// and description, so the labels sync and the labels the bot creates on demand never fight.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeNames } from '#core';
import { contentLabel, defaultConfig } from '../../bot/config.ts';
import { defaultIssuesConfig, defaultLabelColors, labelColor } from '../../bot/config-issues.ts';
import { readLabelsFile } from '../../bot/labels-file.ts';

const { labels, problems } = readLabelsFile(readFileSync(join(import.meta.dirname, '..', '..', '.github/labels.yml'), 'utf8'));
const byName = new Map(labels.map((l) => [l.name, l]));

describe('labels.yml and the configuration defaults', () => {
  it('the file has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('pull request labels: check, touches code, first-time contributor, sizes — same name, colour, description', () => {
    const { passing, needs_changes, touches_code, first_time_contributor, size } = defaultConfig.labels;
    for (const label of [passing, needs_changes, touches_code, first_time_contributor, ...size]) {
      expect(byName.get(label.name), label.name).toEqual({ name: label.name, color: label.color, description: label.description });
    }
  });

  it('one content label per content type, in the configured colour', () => {
    for (const type of contentTypeNames) {
      const name = contentLabel(defaultConfig, type);
      expect(byName.get(name)?.color, name).toBe(defaultConfig.labels.content.color);
    }
  });

  it('issue labels: types and flags, with the colours the bot creates them in', () => {
    const names = Object.entries(defaultIssuesConfig.labels)
      .filter(([key, value]) => typeof value === 'string' && !['page_prefix', 'page_color'].includes(key))
      .map(([, value]) => value as string);
    expect(names.length).toBe(8);
    for (const name of names) expect(byName.get(name)?.color, name).toBe(labelColor(defaultIssuesConfig, name));
    expect(Object.keys(defaultLabelColors).sort()).toEqual([...names].sort());
  });

  it('lists no page labels (the bot makes those as pages come up)', () => {
    expect(labels.filter((l) => l.name.startsWith(defaultIssuesConfig.labels.page_prefix))).toEqual([]);
  });
});
