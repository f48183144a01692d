// Properties of the issue-form parser on the project's real forms: any body parses without
// throwing; answers written the way GitHub writes a submitted form come back exactly, whatever
// they contain; "_No response_" and "None" mean no answer; and the hint never makes a form appear.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIssueForm } from '../../bot/issue-forms/read-issue-form.ts';
import type { FormField } from '../../bot/issue-forms/form-template.ts';
import { formBody, localContent } from './issues/local-content.ts';

const { templates } = await localContent();

const tricky = fc.constantFrom(...'#*_`[]()<>!@:/\\|-~\n\t '.split(''), '### ', '_No response_', 'None', '<!-- x -->', '```', '\u200b', 'é', '😀');
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(tricky, { maxLength: 40 }).map((a) => a.join('')));

/** A text answer as a person types it: words, markdown, mentions, links; not a heading line, not an HTML comment. */
const line = fc
  .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,;:'"?!()*_`@/&%+=-]{0,30}$/), fc.constantFrom('https://example.org/a?b=1', '@someone', '**bold**', '<b>x</b>', 'é', '😀')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' ').trim())
  .filter((t) => t !== '' && !/^(none|_no response_)$/i.test(t) && !t.startsWith('#'));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

/** An answer for a field: text (one line for inputs, paragraphs for text areas) or some of its options. */
function answer(field: FormField): fc.Arbitrary<string | string[] | undefined> {
  const empty = fc.constant(undefined);
  if (field.type === 'dropdown') return fc.oneof(empty, fc.subarray(field.options, { minLength: 1 }).map((o) => (field.multiple ? o : o.slice(0, 1))));
  if (field.type === 'checkboxes') return empty;
  return fc.oneof(empty, field.type === 'input' ? line : fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((p) => p.join('\n\n')));
}

describe('readIssueForm', () => {
  it('never throws on any body, with or without a hint', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(undefined, ...templates.map((t) => t.file)), (body, hint) => {
        readIssueForm(body, templates, hint);
      }),
      { numRuns: 400 },
    );
  });

  it('gives back every answer of every form exactly as submitted; empty answers read as no answer', () => {
    const forms = templates.filter((t) => t.fields.some((f) => f.type !== 'checkboxes'));
    expect(forms.length).toBeGreaterThanOrEqual(5);
    fc.assert(
      fc.property(
        fc.constantFrom(...forms).chain((template) =>
          fc.record(Object.fromEntries(template.fields.map((f) => [f.id, answer(f)]))).map((answers) => ({ template, answers })),
        ),
        ({ template, answers }) => {
          const read = readIssueForm(formBody(template, answers), templates);
          // A body with no answers at all still names the form by its headings.
          expect(read?.template.file).toBe(template.file);
          for (const field of template.fields) {
            if (field.type === 'checkboxes') continue;
            const given = answers[field.id];
            const expected = field.type === 'dropdown' ? (given ?? []) : given;
            expect(read!.values[field.id], `${template.file} ${field.id}`).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds no form in free text, even when told which form to expect', () => {
    fc.assert(
      fc.property(paragraph, fc.constantFrom(...templates.map((t) => t.file)), (body, hint) => {
        expect(readIssueForm(body, templates, hint)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
