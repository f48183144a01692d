// The issue forms: generated from content/, up to date, valid for GitHub, and matching the
// site's "Give feedback on this page" link.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildIndex, readContentFiles } from '#core';
import { buildForms, formsFolder, staleForms } from '../../../scripts/gen-forms.ts';
import { repoRoot } from './local-content.ts';

const run = promisify(execFile);

async function genForms(cwd: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', import.meta.resolve('tsx/esm'), join(repoRoot, 'scripts/gen-forms.ts'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Field {
  type: string;
  id?: string;
  attributes: { label?: string; options?: string[]; multiple?: boolean };
  validations?: { required?: boolean };
}

async function committedForms(): Promise<Map<string, { name: string; labels?: string[]; body: Field[] }>> {
  const out = new Map();
  for (const file of await readdir(join(repoRoot, formsFolder))) {
    if (file === 'config.yml') continue;
    out.set(file, parse(await readFile(join(repoRoot, formsFolder, file), 'utf8')));
  }
  return out;
}

describe('issue forms', () => {
  it('are up to date with content/ (run `npm run gen:forms` when this fails)', async () => {
    const forms = buildForms(buildIndex(await readContentFiles(repoRoot)));
    expect(await staleForms(repoRoot, forms)).toEqual([]);
  });

  it('`gen:forms --check` fails, naming the file, when content gains a stakeholder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ler-forms-'));
    await cp(join(repoRoot, 'content'), join(dir, 'content'), { recursive: true });
    await cp(join(repoRoot, formsFolder), join(dir, formsFolder), { recursive: true });
    expect((await genForms(dir, '--check')).code).toBe(0);
    const employers = await readFile(join(dir, 'content/stakeholders/employers.md'), 'utf8');
    await writeFile(join(dir, 'content/stakeholders/workforce-boards.md'), employers.replace('name: Employers', 'name: Workforce Boards'));
    const stale = await genForms(dir, '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('.github/ISSUE_TEMPLATE/stakeholder-change.yml: out of date with content/');
    expect(stale.stderr).toContain('.github/ISSUE_TEMPLATE/suggest-resource.yml: out of date');
    expect((await genForms(dir)).code).toBe(0);
    const regenerated = parse(await readFile(join(dir, formsFolder, 'stakeholder-change.yml'), 'utf8')) as { body: Field[] };
    expect(regenerated.body.find((f) => f.id === 'stakeholder')!.attributes.options).toContain('Workforce Boards');
    expect((await genForms(dir, '--check')).code).toBe(0);
  });

  it('follow GitHub form syntax: unique ids and labels, options unique and never "None"', async () => {
    for (const [file, form] of await committedForms()) {
      const fields = form.body.filter((f) => f.type !== 'markdown');
      const ids = fields.map((f) => f.id);
      expect(ids.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]+$/.test(id)), file).toBe(true);
      expect(new Set(ids).size, file).toBe(ids.length);
      const labels = fields.map((f) => f.attributes.label);
      expect(new Set(labels).size, file).toBe(labels.length);
      for (const f of fields.filter((x) => x.type === 'dropdown')) {
        const options = f.attributes.options!;
        expect(options.length, `${file} ${f.id}`).toBeGreaterThan(0);
        expect(new Set(options).size, `${file} ${f.id}`).toBe(options.length);
        expect(options.some((o) => o.trim() === '' || o.toLowerCase() === 'none' || o.includes(',')), `${file} ${f.id}`).toBe(false);
      }
    }
  });

  it('each form sets its type label', async () => {
    const forms = await committedForms();
    expect(Object.fromEntries([...forms].map(([file, f]) => [file, f.labels]))).toEqual({
      'feedback.yml': ['feedback'],
      'propose-term.yml': ['proposal: term'],
      'suggest-resource.yml': ['proposal: resource'],
      'stakeholder-change.yml': ['proposal: stakeholder'],
      'site-problem.yml': ['site problem'],
    });
  });

  it('have the field ids the site and the contract use', async () => {
    const forms = await committedForms();
    const shape = (file: string) => forms.get(file)!.body.filter((f) => f.type !== 'markdown').map((f) => [f.id, f.type, Boolean(f.validations?.required)]);
    expect(shape('feedback.yml')).toEqual([
      ['page', 'input', true],
      ['kind', 'dropdown', true],
      ['details', 'textarea', true],
      ['suggestion', 'textarea', false],
    ]);
    expect(forms.get('feedback.yml')!.body.find((f) => f.id === 'kind')!.attributes.options).toEqual(['Correction', 'Missing information', 'Unclear', 'Outdated']);
    const ids = (file: string) => shape(file).map(([id]) => id);
    expect(ids('propose-term.yml')).toEqual(expect.arrayContaining(['term', 'acronym', 'definition', 'source_url', 'related_terms']));
    expect(ids('suggest-resource.yml')).toEqual(expect.arrayContaining(['title', 'publisher', 'url', 'topic', 'stakeholders', 'why']));
    expect(ids('stakeholder-change.yml')).toEqual(['stakeholder', 'section', 'change', 'source']);
    expect(ids('site-problem.yml')).toEqual(['page_url', 'what_happened', 'browser']);
  });

  it('offer every stakeholder, topic and glossary term of the content as options', async () => {
    const index = buildIndex(await readContentFiles(repoRoot));
    const forms = await committedForms();
    const options = (file: string, id: string) => forms.get(file)!.body.find((f) => f.id === id)!.attributes.options!;
    const stakeholders = [...index.byType.get('stakeholder')!.values()].map((e) => e.title).sort();
    expect([...options('stakeholder-change.yml', 'stakeholder')].sort()).toEqual(stakeholders);
    expect([...options('suggest-resource.yml', 'stakeholders')].sort()).toEqual(stakeholders);
    expect(options('propose-term.yml', 'related_terms')).toHaveLength(index.byType.get('glossary')!.size);
    expect(options('suggest-resource.yml', 'topic')).toContain('Policy and governance');
  });

  it('config.yml links to the site and the contributing guide', async () => {
    const config = parse(await readFile(join(repoRoot, formsFolder, 'config.yml'), 'utf8')) as { contact_links: { url: string }[] };
    const urls = config.contact_links.map((l) => l.url);
    expect(urls).toContain('https://digitalcredentials.github.io/ler-ecosystem-map/');
    expect(urls.some((u) => u.endsWith('/CONTRIBUTING.md'))).toBe(true);
  });
});
