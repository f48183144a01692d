// `npm run schema`: exports the content model as JSON Schema files (schema/<type>.schema.json).
import { mkdir, writeFile } from 'node:fs/promises';
import { contentTypeNames, jsonSchemaOf } from '#core';

await mkdir('schema', { recursive: true });
for (const type of contentTypeNames) {
  await writeFile(`schema/${type}.schema.json`, `${JSON.stringify(jsonSchemaOf(type), null, 2)}\n`);
}
console.log(`Wrote ${contentTypeNames.length} JSON Schema files to schema/`);
