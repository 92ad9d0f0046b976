import cliProgress from 'cli-progress';
import type { Logger } from '../../shared/logger.js';

/** Shows how far a stage is: a bar on an interactive stderr, a log line every few seconds otherwise. */
export interface Progress {
  tick(message?: string): void;
  stop(): void;
}

export function createProgress(
  label: string,
  total: number,
  logger: Logger,
  interactive = Boolean(process.stderr.isTTY),
): Progress {
  let done = 0;
  if (interactive && logger.level !== 'silent' && total > 0) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {message}`,
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { message: '' });
    return {
      tick(message = '') {
        done++;
        bar.update(done, { message });
      },
      stop: () => bar.stop(),
    };
  }
  let last = Date.now();
  return {
    tick() {
      done++;
      const now = Date.now();
      if (now - last >= 5000 || done === total) {
        last = now;
        logger.info(`${label}: ${done}/${total}`);
      }
    },
    stop() {},
  };
}
