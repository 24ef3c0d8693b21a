/**
 * Loaded into every benchmark target with `--import`: answers the runner's IPC questions about this
 * process's own CPU time and memory, so targets need no benchmark code of their own.
 */
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

export interface ProbeStats {
  type: 'stats';
  id: number;
  /** process.cpuUsage() user + system, microseconds since start. */
  cpuMicros: number;
  rssBytes: number;
  /** Highest RSS sampled since the last reset. */
  peakRssBytes: number;
  heapUsedBytes: number;
  /** process.memoryUsage() and V8's heap spaces at the same moment: where the RSS sits. */
  breakdown: MemoryBreakdown;
}

export interface MemoryBreakdown {
  heapTotalBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  /** Committed size of each V8 heap space (new_space, old_space, code_space, large_object_space, ...). */
  spaces: Record<string, number>;
}

export interface ProbeRequest {
  type: 'stats';
  id: number;
  /** Run a full GC first (the target runs with --expose-gc). */
  gc?: boolean;
  /** Start a new peak-RSS window after answering. */
  resetPeak?: boolean;
  /** Write a heap snapshot to this file first (for a look in Chrome's DevTools; takes seconds). */
  snapshotFile?: string;
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
    if (message.snapshotFile) writeHeapSnapshot(message.snapshotFile);
    const usage = process.memoryUsage();
    const rss = usage.rss;
    peak = Math.max(peak, rss);
    const cpu = process.cpuUsage();
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]));
    const answer: ProbeStats = {
      type: 'stats',
      id: message.id,
      cpuMicros: cpu.user + cpu.system,
      rssBytes: rss,
      peakRssBytes: peak,
      heapUsedBytes: usage.heapUsed,
      breakdown: {
        heapTotalBytes: usage.heapTotal,
        externalBytes: usage.external,
        arrayBuffersBytes: usage.arrayBuffers,
        spaces,
      },
    };
    process.send?.(answer);
    if (message.resetPeak) peak = rss;
  });
  // The IPC channel must not keep a target alive that wants to exit.
  process.channel?.unref();
}
