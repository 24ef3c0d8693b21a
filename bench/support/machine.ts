/**
 * How busy the machine is: the bench shares it (with other people's work too), so every
 * measurement says how much CPU went to processes outside the benchmark while it ran.
 */
import { readFileSync } from 'node:fs';

/** CPU milliseconds a process has used so far (Linux /proc), or undefined where that cannot be read. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Busy CPU milliseconds of the whole machine (all cores together) since boot, or undefined off Linux. */
export function machineBusyMs(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    return (cpu.reduce((a, b) => a + b, 0) - cpu[3] - cpu[4]) * 10;
  } catch {
    return undefined;
  }
}
