/** Resolves the signed-in user from the request's session cookie. Implemented by issue 3. */
export async function authenticateRequest(_req: Request): Promise<{ id: string; email: string } | null> {
  return null;
}
