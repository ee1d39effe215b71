import { z } from "zod";

/**
 * A uuid path segment. Loose on the version bits (any 8-4-4-4-12 hex) and lower-cased: an id
 * that is not a uuid cannot be the caller's row, so the route answers 404 (see readInput).
 */
export const uuidParam = z.guid().transform((s) => s.toLowerCase());

/** `params` of a contract whose path has one `{id}`. */
export const idParams = z.object({ id: uuidParam });

/** `params` of a contract whose path has one `{contactId}`. */
export const contactIdParams = z.object({ contactId: uuidParam });
