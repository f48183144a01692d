// The exported JSON Schema files (npm run schema) match the zod model and accept the real content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { contentTypeNames, indexEntryOf, jsonSchemaOf, readContentFiles, typeOfPath } from '#core';

const repo = join(import.meta.dirname, '..', '..');

describe('schema/*.schema.json', () => {
  it.each(contentTypeNames)('%s is what `npm run schema` writes (run it after changing core/schema)', (type) => {
    const committed = JSON.parse(readFileSync(join(repo, 'schema', `${type}.schema.json`), 'utf8')) as unknown;
    expect(committed).toEqual(jsonSchemaOf(type));
  });

  it('accepts the front matter of every content file, and rejects a misspelt key', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validators = new Map(contentTypeNames.map((type) => [type, ajv.compile(jsonSchemaOf(type))]));
    const files = (await readContentFiles(repo)).filter((f) => typeOfPath(f.path));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const entry = indexEntryOf(file)!;
      const validate = validators.get(entry.type)!;
      expect({ path: file.path, valid: validate(entry.data), errors: validate.errors ?? null }).toEqual({ path: file.path, valid: true, errors: null });
    }
    const employers = indexEntryOf(files.find((f) => f.path === 'content/stakeholders/employers.md')!)!;
    const misspelt = { ...employers.data, 'business case': employers.data.business_case };
    expect(validators.get('stakeholder')!(misspelt)).toBe(false);
  });
});
