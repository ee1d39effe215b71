import { AppError } from "../errors";

/** Opaque keyset cursor: base64url JSON of the last row's sort key and id. */
export type Cursor = { k: string | null; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    if (typeof v?.id !== "string" || !/^[0-9a-f-]{36}$/i.test(v.id)) throw new Error("bad id");
    if (v.k !== null && typeof v.k !== "string") throw new Error("bad key");
    return v;
  } catch {
    throw new AppError("invalid_query", "invalid cursor", { fields: { cursor: ["invalid cursor"] } });
  }
}
