// missing-body: records whose prose lives in the body (definitions, descriptions) have one.
import { contentTypes } from '../schema/index.ts';
import { defineRule } from '../rule.ts';

const bodyName: Record<string, string> = {
  stakeholder: 'the definition',
  glossary: 'the definition',
  'work-stream': 'the description',
  'action-area': 'the shared description',
  framework: 'what it is and why it matters',
  page: 'the page text',
};

export default defineRule({
  id: 'missing-body',
  severity: 'error',
  description: 'Definitions and descriptions are written as markdown after the closing --- line.',
  help: 'Write the text as markdown after the closing `---` line.',
  check({ file, report }) {
    if (!file.type || !file.tree || !file.data) return;
    if (contentTypes[file.type].body !== 'required') return;
    if (file.text.slice(file.bodyStart).trim() !== '') return;
    const end = file.text.length;
    report({
      start: file.bodyStart,
      end,
      reason: `Missing ${bodyName[file.type] ?? 'text'}, expected markdown after the closing "---" line`,
    });
  },
});
