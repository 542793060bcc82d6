/**
 * Runs `pass` every `intervalMs`, never two at once, until stopped. `stop` waits for the pass in
 * hand, so nothing touches the database after it returns. A pass that throws is reported and the
 * next one runs as usual.
 */
export class Poller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly intervalMs: number,
    private readonly pass: () => Promise<void>,
    private readonly onError?: (error: unknown) => void,
  ) {}

  /** True once `stop` was called: a long pass checks it between pieces of work. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Runs the first pass after one interval, or at once with `immediately`. */
  start(immediately = false): void {
    this.stopped = false;
    this.schedule(immediately ? 0 : this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs = this.intervalMs) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((error) => this.onError?.(error))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, delayMs);
    this.timer.unref();
  }
}
