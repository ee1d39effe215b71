import type { Contract } from "./contract";

/**
 * Request guards every API route runs before its handler: origin check (CORS), CSRF on
 * unsafe methods, rate limiting by group. Implemented by the accounts/security work.
 */
export async function runRequestGuards(
  _req: Request,
  _contract: Contract,
  _user: { id: string; email: string } | null,
): Promise<void> {
  // Intentionally empty until request security lands (issue 3).
}
