// front-matter: found while parsing (core/parse.ts).
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule(
  'front-matter',
  'error',
  'Every content file starts with front matter: a line ---, the fields, and a closing ---.',
  'Start the file with a line `---`, then the fields (see docs/content-model.md), then a line `---`, then the text.',
);
