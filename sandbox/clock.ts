// The sandbox clock: real time plus an offset that tests can move (advance or set).

export class SandboxClock {
  private offset: number
  private readonly initialOffset: number
  private readonly stepListeners: Array<() => void> = []

  constructor(startTime?: number) {
    this.offset = startTime === undefined ? 0 : startTime - Date.now()
    this.initialOffset = this.offset
  }

  now(): number {
    return Date.now() + this.offset
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("advanceMs must be a non-negative number")
    this.offset += ms
    this.emitStep()
  }

  set(ms: number): void {
    if (!Number.isFinite(ms)) throw new Error("set must be a timestamp in ms")
    this.offset = ms - Date.now()
    this.emitStep()
  }

  reset(): void {
    this.offset = this.initialOffset
  }

  onStep(listener: () => void): void {
    this.stepListeners.push(listener)
  }

  private emitStep(): void {
    for (const l of this.stepListeners) l()
  }
}
