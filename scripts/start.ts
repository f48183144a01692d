// `npm start [-- --port 8080 --output _site --bot-port 3000]`: checks the content, then runs the
// map's processes together — the site (Eleventy --serve: live reload at http://localhost:8080)
// and the bot (http://localhost:3000) — and stops them all on Ctrl+C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface Service {
  name: string;
  command: string;
  args: string[];
  /** Environment for this service on top of the inherited one. */
  env?: Record<string, string>;
  /** When it stops, the others keep running (the bot is not needed to preview the site). */
  optional?: boolean;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = import.meta.resolve('tsx');
const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT || '8080' },
    output: { type: 'string', default: '_site' },
    'bot-port': { type: 'string', default: process.env.BOT_PORT || '3000' },
  },
});

/** The processes `npm start` runs side by side; add one here to start (and stop) it with the rest. */
const services: Service[] = [
  {
    name: 'site',
    command: process.execPath,
    args: [
      '--import',
      tsx,
      join(repoRoot, 'node_modules/@11ty/eleventy/cmd.cjs'),
      '--config=eleventy.config.ts',
      '--serve',
      '--quiet',
      `--port=${options.port}`,
      `--output=${resolve(options.output)}`,
    ],
  },
  // The bot from source: its real server with APP_ID and PRIVATE_KEY (in .env or the
  // environment), otherwise Probot's setup page, which registers the App from .github/app.yml.
  { name: 'bot', command: process.execPath, args: ['--import', tsx, join(repoRoot, 'bot/main.ts')], env: { PORT: options['bot-port'] }, optional: true },
];

// The content is checked first, exactly as `npm run check` does; errors stop here.
const contentRoot = resolve(process.env.CONTENT_ROOT || '.');
const check = spawnSync(process.execPath, ['--import', tsx, join(repoRoot, 'scripts/check.ts')], { cwd: contentRoot, stdio: 'inherit' });
if (check.status !== 0) {
  console.error('npm start: fix the errors above first (the site shows only valid content).');
  process.exit(check.status ?? 1);
}

const running = new Map<string, ChildProcess>();
let stopping = false;

/** Stops every service (SIGTERM, then SIGKILL after 5 s) and exits with `code`. */
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of running.values()) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of running.values()) child.kill('SIGKILL');
  }, 5000);
  force.unref();
  const done = () => {
    if (running.size === 0) process.exit(code);
  };
  for (const [name, child] of running) {
    child.once('exit', () => {
      running.delete(name);
      done();
    });
  }
  done();
}

for (const service of services) {
  const child = spawn(service.command, service.args, {
    cwd: repoRoot,
    env: { ...process.env, CONTENT_ROOT: contentRoot, ...service.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.set(service.name, child);
  // Each line is labelled with its service, so several can share one terminal.
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${service.name}] ${line}`));
  }
  child.on('exit', (code, signal) => {
    running.delete(service.name);
    if (!stopping && service.optional) {
      console.error(`[${service.name}] stopped (${signal ?? `exit code ${code}`}); the others keep running`);
    } else if (!stopping) {
      console.error(`[${service.name}] stopped (${signal ?? `exit code ${code}`}); stopping the others`);
      stopAll(code ?? 1);
    }
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
