import { displayText } from '../format/safe-text.js';
import type { Output } from './output.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A running progress indicator; `stop()` erases it. @internal */
export interface Progress {
  stop(): void;
}

/**
 * Shows a spinner with the elapsed time on stderr once the work has taken `delayMs` (default one
 * second), and only when stderr is a terminal: quick commands and pipes see nothing.
 *
 * @internal
 */
export function startProgress(out: Output, label: string, delayMs = 1000): Progress {
  const stderr = out.io.stderr;
  if (!stderr.isTTY) return { stop() {} };
  const shownLabel = displayText(label);
  const started = Date.now();
  let frame = 0;
  let shown = false;
  let interval: NodeJS.Timeout | undefined;
  const render = (): void => {
    shown = true;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stderr.write(`\r\x1b[2K${out.styleErr('cyan', FRAMES[frame++ % FRAMES.length]!)} ${shownLabel} ${out.styleErr('dim', `${seconds}s`)}`);
  };
  const timeout = setTimeout(() => {
    render();
    interval = setInterval(render, 100);
  }, delayMs);
  return {
    stop() {
      clearTimeout(timeout);
      if (interval) clearInterval(interval);
      if (shown) stderr.write('\r\x1b[2K');
    },
  };
}
