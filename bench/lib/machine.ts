import os from 'node:os';

/** The machine a benchmark ran on, recorded with its results. */
export interface MachineInfo {
  cores: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  platform: string;
  /** 1-minute load average when the benchmark started: other processes share the cores. */
  loadAverage: number;
}

/** Cores, memory, CPU model, Node version and the current load. */
export function machineInfo(): MachineInfo {
  return {
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
  };
}

/** One line for BENCHMARKS.md: "2 cores, 24 GiB, Node v20.20.2 (load 1.2 at start)". */
export function machineLine(info: MachineInfo = machineInfo()): string {
  return `${info.cores} cores (${info.cpu}), ${info.memoryGiB} GiB, Node ${info.node}, ${info.platform}; load average ${info.loadAverage} at start`;
}
