import { createServer, type Server } from "node:net";

export type SinkMail = { from: string; to: string[]; data: string };

/**
 * A minimal SMTP server for tests: accepts every message (no TLS, no auth) and keeps it,
 * so a test can read what the app mailed. Speaks just enough SMTP for nodemailer.
 * `beforeData` holds a sender between its envelope and its message (e.g. to kill it there).
 */
export async function startSmtpSink(
  opts: {
    /** Awaited when a client sends DATA, before the message is let in (to stall a sender). */
    beforeData?: () => Promise<void>;
  } = {},
): Promise<{
  url: string;
  mails: SinkMail[];
  close: () => Promise<void>;
}> {
  const mails: SinkMail[] = [];
  const server: Server = createServer((sock) => {
    let buf = "";
    let inData = false;
    let cur: SinkMail = { from: "", to: [], data: "" };
    const say = (line: string) => sock.write(`${line}\r\n`);
    say("220 sink ESMTP");
    sock.on("data", (chunk) => {
      buf += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buf.indexOf("\r\n.\r\n");
          if (end < 0) return;
          cur.data = buf.slice(0, end).replace(/\r\n\.\./g, "\r\n.");
          buf = buf.slice(end + 5);
          mails.push(cur);
          cur = { from: "", to: [], data: "" };
          inData = false;
          say("250 OK queued");
          continue;
        }
        const nl = buf.indexOf("\r\n");
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "MAIL") cur.from = line.slice(10).trim();
        if (cmd === "RCPT") cur.to.push(line.slice(8).trim());
        if (cmd === "DATA") {
          inData = true;
          if (opts.beforeData) {
            void opts.beforeData().then(() => say("354 go ahead"));
            continue;
          }
        }
        if (cmd === "QUIT") {
          say("221 bye");
          sock.end();
          return;
        }
        say(cmd === "DATA" ? "354 go ahead" : "250 OK");
      }
    });
    sock.on("error", () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
