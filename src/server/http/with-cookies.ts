import { ok } from "./responses";

/** The `{ ok: true, data }` envelope plus Set-Cookie headers (one header per cookie). */
export function okWithCookies<T>(data: T, cookies: string[]): Response {
  const res = ok(data);
  for (const c of cookies) res.headers.append("set-cookie", c);
  return res;
}
