// yaml-syntax: found while parsing (core/parse.ts).
import { parseProblemRule } from '../rule.ts';

export default parseProblemRule(
  'yaml-syntax',
  'error',
  'Front matter is valid YAML without anchors or aliases; a value containing ": " needs double quotes.',
  'Check the line named in the message: indent with spaces, start list items with "- ", and put values containing ": " or starting with a quote mark in double quotes.',
);
