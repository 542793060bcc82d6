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

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((error) => this.onError?.(error))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }
}
