// `npm start`: validates the content (the site and the bot are added by later work).
import { spawnSync } from 'node:child_process';

const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts'], { stdio: 'inherit' });
console.log('The site build and the bot are coming; for now `npm start` validates the content.');
process.exitCode = check.status ?? 1;
