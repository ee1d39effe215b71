import { AppError } from "../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id: anything that is not a uuid cannot be the caller's row, so it is a 404. */
export function pathId(params: Record<string, string>, key = "id"): string {
  const v = params[key];
  if (!v || !UUID.test(v)) throw new AppError("not_found");
  return v.toLowerCase();
}
