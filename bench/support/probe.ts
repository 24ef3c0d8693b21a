/**
 * Loaded into every benchmark target with `--import`: answers the runner's IPC questions about this
 * process's own CPU time and memory, so targets need no benchmark code of their own.
 */
export interface ProbeStats {
  type: 'stats';
  id: number;
  /** process.cpuUsage() user + system, microseconds since start. */
  cpuMicros: number;
  rssBytes: number;
  /** Highest RSS sampled since the last reset. */
  peakRssBytes: number;
  heapUsedBytes: number;
}

export interface ProbeRequest {
  type: 'stats';
  id: number;
  /** Run a full GC first (the target runs with --expose-gc). */
  gc?: boolean;
  /** Start a new peak-RSS window after answering. */
  resetPeak?: boolean;
}

const SAMPLE_MS = 25;

if (process.send) {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  sampler.unref();

  process.on('message', (message: ProbeRequest) => {
    if (message?.type !== 'stats') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    if (message.gc && gc) gc();
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    const cpu = process.cpuUsage();
    const answer: ProbeStats = {
      type: 'stats',
      id: message.id,
      cpuMicros: cpu.user + cpu.system,
      rssBytes: rss,
      peakRssBytes: peak,
      heapUsedBytes: process.memoryUsage().heapUsed,
    };
    process.send?.(answer);
    if (message.resetPeak) peak = rss;
  });
  // The IPC channel must not keep a target alive that wants to exit.
  process.channel?.unref();
}
