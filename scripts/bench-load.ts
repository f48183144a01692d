// `npm run bench:load`: 500 signed deliveries (pull request, issue and comment events, some
// redelivered), 50 at a time, to the production bot process against the fake GitHub on loopback;
// audits the final state for lost and duplicated effects and prints latency, peak RSS and API
// calls per event, the summary last. The measuring runs in its own process (test/e2e/load-bench.ts)
// because it drives the bot and the fake GitHub, and scripts/ does not import bot/ or test/.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/load-bench.ts'], { stdio: 'inherit' });
child.on('close', (code) => {
  process.exitCode = code ?? 1;
});
