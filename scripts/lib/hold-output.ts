// Holds back what this process writes to stdout and stderr, so the content check's report (which
// arrives later, from a worker) is still printed first, and nothing else when the content has errors.

/** Starts holding writes to stdout and stderr; the returned `stop` restores them and returns `replay`, which writes what was held. */
export function holdOutput(): { stop(): () => void } {
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write);
  const held: { stream: NodeJS.WriteStream; chunk: string | Uint8Array }[] = [];
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      held.push({ stream, chunk });
      // Honour a callback (the last argument) as a real write would.
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) queueMicrotask(callback);
      return true;
    }) as typeof stream.write;
  }
  let stopped = false;
  return {
    stop() {
      if (!stopped) streams.forEach((s, i) => (s.write = originals[i]!));
      stopped = true;
      return () => {
        for (const { stream, chunk } of held.splice(0)) stream.write(chunk);
      };
    },
  };
}
