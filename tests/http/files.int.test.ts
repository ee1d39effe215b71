import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testPdf, testPngBytes } from "../../src/server/files/test-files";
import { MAX_CLIENT_FILE_BYTES } from "../../src/server/files/constants";
import { TEST_PASSWORD, useHttpServer, type TestClient } from "./harness";
import { multipart } from "./multipart";

type Ok<T> = { ok: boolean; data: T };
type Err = { ok: boolean; error: string; details?: Record<string, unknown> };
type FileDto = { id: string; fileName: string; mimeType: string; sizeBytes: number; downloadUrl: string };

async function newContact(c: TestClient, name = "File Client") {
  const r = await c.post<Ok<{ id: string }>>("/api/v1/contacts", { displayName: name });
  expect(r.status).toBe(201);
  return r.json.data.id;
}

/** Every file stored on disk under the server's uploads/files folder. */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, "uploads", "files");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

describe("client files API (HTTP)", () => {
  const h = useHttpServer();

  it("uploads a PDF, lists it, downloads it as an attachment with nosniff, and deletes it", async () => {
    const a = await h.signUp();
    const id = await newContact(a);
    const pdf = testPdf("consent");
    // The claimed type and name lie; the stored type comes from the bytes.
    const up = await a.post<Ok<FileDto>>(
      `/api/v1/contacts/${id}/files`,
      undefined,
      multipart({}, { name: "Zoë intake.html", type: "text/html", content: pdf }),
    );
    expect(up.status).toBe(201);
    expect(up.json.data).toMatchObject({
      fileName: "Zoë intake.html.pdf",
      mimeType: "application/pdf",
      sizeBytes: pdf.length,
    });
    const list = await a.get<Ok<{ items: FileDto[] }>>(`/api/v1/contacts/${id}/files`);
    expect(list.json.data.items.map((f) => f.id)).toEqual([up.json.data.id]);

    const dl = await a.get(up.json.data.downloadUrl);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("application/pdf");
    expect(dl.headers.get("content-disposition")).toBe(
      `attachment; filename="Zo_ intake.html.pdf"; filename*=UTF-8''Zo%C3%AB%20intake.html.pdf`,
    );
    expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
    expect(dl.headers.get("content-security-policy")).toContain("sandbox");
    expect(Buffer.from(dl.text, "latin1").subarray(0, 5).toString()).toBe("%PDF-");

    // Another user: every route answers 404 and changes nothing.
    const b = await h.signUp();
    expect((await b.get(up.json.data.downloadUrl)).status).toBe(404);
    expect((await b.delete(up.json.data.downloadUrl)).status).toBe(404);
    expect((await b.get(`/api/v1/contacts/${id}/files`)).status).toBe(404);
    const planted = await b.post(
      `/api/v1/contacts/${id}/files`,
      undefined,
      multipart({}, { name: "p.png", type: "image/png", content: testPngBytes() }),
    );
    expect(planted.status).toBe(404);

    expect(storedFiles(h.server().dataDir)).toHaveLength(1);
    const del = await a.delete<Ok<{ id: string }>>(up.json.data.downloadUrl);
    expect(del.status).toBe(200);
    expect((await a.get(up.json.data.downloadUrl)).status).toBe(404);
    expect(storedFiles(h.server().dataDir)).toHaveLength(0);
  });

  it("refuses SVG and HTML (415), a body past 20 MB while streaming (413), all in the error envelope", async () => {
    const a = await h.signUp();
    const id = await newContact(a);
    const svg = await a.post<Err>(
      `/api/v1/contacts/${id}/files`,
      undefined,
      multipart({}, { name: "x.pdf", type: "application/pdf", content: '<svg onload="alert(1)"/>' }),
    );
    expect(svg.status).toBe(415);
    expect(svg.json).toMatchObject({ ok: false, error: "unsupported_media_type" });
    const html = await a.post<Err>(
      `/api/v1/contacts/${id}/files`,
      undefined,
      multipart({}, { name: "x.png", type: "image/png", content: "<!doctype html><script>1</script>" }),
    );
    expect(html.status).toBe(415);

    // Exactly 20 MB is accepted…
    const max = Buffer.alloc(MAX_CLIENT_FILE_BYTES, 0x20);
    Buffer.from("%PDF-1.4\n").copy(max);
    const big = await a.post<Ok<FileDto>>(
      `/api/v1/contacts/${id}/files`,
      undefined,
      multipart({}, { name: "big.pdf", type: "application/pdf", content: max }),
    );
    expect(big.status).toBe(201);
    expect(big.json.data.sizeBytes).toBe(MAX_CLIENT_FILE_BYTES);

    // …one byte more is 413, declared or not: a chunked body with no Content-Length is cut
    // off while it streams.
    const over = Buffer.concat([max, Buffer.from("x")]);
    const declared = await a.post<Err>(
      `/api/v1/contacts/${id}/files`,
      undefined,
      multipart({}, { name: "over.pdf", type: "application/pdf", content: over }),
    );
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ ok: false, error: "payload_too_large" });

    const form = multipart({}, { name: "s.pdf", type: "application/pdf", content: Buffer.alloc(64) });
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        // 40 MB of stream: twice the limit, never declared up front.
        if (sent >= 40) return ctrl.close();
        sent++;
        ctrl.enqueue(sent === 1 ? new Uint8Array(form.raw.subarray(0, 200)) : chunk);
      },
    });
    if (!a.cookies.has("csrf")) await a.get("/api/v1/auth/csrf");
    const res = await fetch(new URL(`/api/v1/contacts/${id}/files`, h.server().url), {
      method: "POST",
      headers: {
        ...form.headers,
        "x-forwarded-for": a.ip,
        "x-csrf-token": a.cookies.get("csrf") ?? "",
        cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: "payload_too_large" });

    const list = await a.get<Ok<{ items: FileDto[] }>>(`/api/v1/contacts/${id}/files`);
    expect(list.json.data.items.map((f) => f.fileName)).toEqual(["big.pdf"]);
  });

  it("exports the files with their bytes, and account deletion removes them from storage", async () => {
    const a = await h.signUp();
    const id = await newContact(a);
    const png = testPngBytes(300);
    const up = await a.post<Ok<FileDto>>(
      `/api/v1/contacts/${id}/files`,
      undefined,
      multipart({}, { name: "scan.png", type: "image/png", content: png }),
    );
    expect(up.status).toBe(201);
    const before = storedFiles(h.server().dataDir).length;
    const data = await a.get<{ files: { clientFiles: { id: string; dataBase64: string }[] } }>(
      "/api/v1/exports/data",
    );
    expect(data.status).toBe(200);
    const item = data.json.files.clientFiles.find((f) => f.id === up.json.data.id);
    expect(Buffer.from(item!.dataBase64, "base64").equals(png)).toBe(true);

    expect((await a.post("/api/v1/auth/delete-account", { password: TEST_PASSWORD })).status).toBe(200);
    expect(storedFiles(h.server().dataDir)).toHaveLength(before - 1);
    expect(storedFiles(h.server().dataDir).some((f) => f.includes(a.userId))).toBe(false);
  });
});
