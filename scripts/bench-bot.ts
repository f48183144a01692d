// `npm run bench:bot`: API calls per pull request event (against 6 + ⌈changed content files / 50⌉),
// their independence from repository size, and p50/p95 handling time for 1-, 20- and 200-file
// pull requests. The measuring runs in its own process (test/bot/bench-pull-request-check.ts),
// because it drives the bot and the fake GitHub, and scripts/ does not import bot/.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--import', 'tsx', 'test/bot/bench-pull-request-check.ts'], { stdio: 'inherit' });
child.on('close', (code) => {
  process.exitCode = code ?? 1;
});
