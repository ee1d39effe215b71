/** Wraps a string generator as a streamed download (no buffering of the whole export). */
export function streamDownload(
  gen: AsyncGenerator<string>,
  opts: { contentType: string; filename: string },
): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await gen.next();
      if (done) controller.close();
      else controller.enqueue(enc.encode(value));
    },
    async cancel() {
      await gen.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": opts.contentType,
      "content-disposition": `attachment; filename="${opts.filename}"`,
      "cache-control": "no-store",
    },
  });
}

export const stamp = () => new Date().toISOString().slice(0, 10);
