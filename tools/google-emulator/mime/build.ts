// Assembles RFC 822 / MIME messages as bytes. Bodies are Buffers so legacy
// charsets survive byte-exact into `raw` and into Gmail's base64url part data.
import { encodeText } from "./charsets";
import { encodeTransfer, type TransferEncoding } from "./transfer";

export type MimeLeaf = {
  kind: "leaf";
  mimeType: string;
  body: Buffer;
  charset?: string;
  transfer: TransferEncoding;
  filename?: string;
  disposition?: "inline" | "attachment";
  contentId?: string;
  params?: Record<string, string>;
};

export type MimeMultipart = {
  kind: "multipart";
  mimeType: string;
  parts: MimeNode[];
  params?: Record<string, string>;
};

export type MimeNode = MimeLeaf | MimeMultipart;

export type HeaderList = Array<[name: string, value: string]>;

/** A text/plain or text/html leaf in the given charset and transfer encoding. */
export function textLeaf(
  text: string,
  opts: { html?: boolean; charset?: string; transfer?: TransferEncoding } = {},
): MimeLeaf {
  const charset = opts.charset ?? "UTF-8";
  return {
    kind: "leaf",
    mimeType: opts.html ? "text/html" : "text/plain",
    body: encodeText(text.replace(/\r?\n/g, "\r\n"), charset),
    charset,
    transfer: opts.transfer ?? "quoted-printable",
  };
}

export function attachmentLeaf(
  filename: string,
  mimeType: string,
  body: Buffer,
  params?: Record<string, string>,
): MimeLeaf {
  return { kind: "leaf", mimeType, body, transfer: "base64", filename, disposition: "attachment", params };
}

export function multipart(
  subtype: string,
  parts: MimeNode[],
  params?: Record<string, string>,
): MimeMultipart {
  return { kind: "multipart", mimeType: `multipart/${subtype}`, parts, params };
}

/** Serialises headers + body tree; boundaries are derived from `tag` so output is stable. */
export function buildMessage(headers: HeaderList, root: MimeNode, tag: string): Buffer {
  const counter = { n: 0 };
  const top: HeaderList = [...headers, ["MIME-Version", "1.0"]];
  const rendered = renderNode(root, top, tag, counter);
  return root.kind === "leaf" ? Buffer.concat([rendered, Buffer.from("\r\n", "latin1")]) : rendered;
}

function renderNode(node: MimeNode, headers: HeaderList, tag: string, counter: { n: number }): Buffer {
  const own: HeaderList = [...headers];
  if (node.kind === "multipart") {
    const boundary = `000000000000${tag}${(counter.n++).toString(16).padStart(2, "0")}`;
    own.push(["Content-Type", `${node.mimeType}; ${formatParams({ ...node.params, boundary })}`]);
    const chunks: Buffer[] = [headerBlock(own)];
    for (const part of node.parts) {
      chunks.push(
        Buffer.from(`--${boundary}\r\n`, "latin1"),
        renderNode(part, [], tag, counter),
        Buffer.from("\r\n", "latin1"),
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`, "latin1"));
    return Buffer.concat(chunks);
  }
  const typeParams: Record<string, string> = { ...node.params };
  if (node.charset) typeParams.charset = node.charset;
  if (node.filename) typeParams.name = node.filename;
  const params = formatParams(typeParams);
  own.push(["Content-Type", params ? `${node.mimeType}; ${params}` : node.mimeType]);
  if (node.disposition) {
    const disp = node.filename
      ? `${node.disposition}; ${formatParams({ filename: node.filename })}`
      : node.disposition;
    own.push(["Content-Disposition", disp]);
  }
  if (node.contentId) own.push(["Content-ID", `<${node.contentId}>`]);
  own.push(["Content-Transfer-Encoding", node.transfer]);
  return Buffer.concat([headerBlock(own), encodeTransfer(node.body, node.transfer)]);
}

function formatParams(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) =>
      /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(v) ? `${k}=${v}` : `${k}="${v.replace(/(["\\])/g, "\\$1")}"`,
    )
    .join("; ");
}

function headerBlock(headers: HeaderList): Buffer {
  const lines = headers.map(([name, value]) => foldHeader(`${name}: ${value}`));
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "utf8");
}

/** Folds long lines at whitespace (RFC 5322 §2.2.3); already-folded values pass through. */
export function foldHeader(line: string): string {
  if (line.length <= 78 || line.includes("\r\n")) return line;
  const out: string[] = [];
  let current = "";
  for (const word of line.split(/(?= )/)) {
    if (current.length + word.length > 76 && current.trim()) {
      out.push(current);
      current = word;
    } else current += word;
  }
  out.push(current);
  return out.join("\r\n");
}
