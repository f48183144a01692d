// front-matter: found while parsing (core/parse.ts).
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule('front-matter', 'error', 'Every content file starts with front matter: a line ---, the fields, and a closing ---.');
