import net from "node:net";
import tls from "node:tls";

/**
 * One PING over a short-lived connection, speaking RESP directly: readiness must not
 * depend on (or share a connection pool with) the job queue it is checking. Sends AUTH
 * first when the URL carries credentials; `rediss://` uses TLS.
 */
export function pingRedis(url: string, timeoutMs = 2000): Promise<void> {
  const u = new URL(url);
  const port = Number(u.port || 6379);
  const host = u.hostname;
  const commands: string[][] = [];
  const password = decodeURIComponent(u.password);
  const username = decodeURIComponent(u.username);
  if (password) commands.push(username ? ["AUTH", username, password] : ["AUTH", password]);
  commands.push(["PING"]);
  const payload = commands.map(resp).join("");

  return new Promise((resolve, reject) => {
    const socket =
      u.protocol === "rediss:" ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    let buf = "";
    const done = (e?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (e) reject(e);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`redis: no answer within ${timeoutMs}ms`)), timeoutMs);
    socket.once(u.protocol === "rediss:" ? "secureConnect" : "connect", () => socket.write(payload));
    socket.on("data", (chunk) => {
      buf += chunk.toString("utf8");
      const lines = buf.split("\r\n").filter(Boolean);
      const err = lines.find((l) => l.startsWith("-"));
      if (err) return done(new Error(`redis: ${err.slice(1)}`));
      if (lines.length >= commands.length)
        done(lines.at(-1) === "+PONG" ? undefined : new Error("redis: bad reply"));
    });
    socket.on("error", (e) => done(e));
  });
}

function resp(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
}
