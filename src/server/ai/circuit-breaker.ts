import { AppError } from "../errors";

/**
 * A small per-process circuit breaker around the provider: after `threshold` consecutive
 * failures further calls fail fast for `coolDownMs` (no credits burnt on a dead provider),
 * then one trial call is let through (half-open).
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;

  constructor(
    private readonly threshold = 5,
    private readonly coolDownMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): "closed" | "open" | "half-open" {
    if (this.failures < this.threshold) return "closed";
    return this.now() - this.openedAt >= this.coolDownMs ? "half-open" : "open";
  }

  /** Throws 503 while open. */
  check(): void {
    if (this.state === "open")
      throw new AppError("service_unavailable", "AI provider temporarily unavailable", {
        reason: "circuit_open",
        retryAfterMs: this.coolDownMs - (this.now() - this.openedAt),
      });
  }

  success(): void {
    this.failures = 0;
  }

  failure(): void {
    this.failures += 1;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }
}

const g = globalThis as unknown as { __omnicrmAiBreaker?: CircuitBreaker };

export function providerBreaker(): CircuitBreaker {
  return (g.__omnicrmAiBreaker ??= new CircuitBreaker());
}

export function resetProviderBreaker(): void {
  g.__omnicrmAiBreaker = undefined;
}
