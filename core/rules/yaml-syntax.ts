// yaml-syntax: found while parsing (core/parse.ts).
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule('yaml-syntax', 'error', 'Front matter is valid YAML without anchors or aliases; a value containing ": " needs double quotes.');
