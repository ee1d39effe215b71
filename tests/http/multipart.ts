import { randomUUID } from "node:crypto";

/** A multipart/form-data body with text fields and one `file` part, for TestClient requests. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; content: string | Buffer },
) {
  const b = `----omnicrm${randomUUID()}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    raw: Buffer.concat([
      Buffer.from(parts.join("") + head),
      Buffer.from(file.content),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
    headers: { "content-type": `multipart/form-data; boundary=${b}` },
  };
}
