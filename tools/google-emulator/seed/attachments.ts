// Tiny but valid-looking binary attachments for the corpus.

/** A one-page PDF; the binary comment line forces base64 transfer like real PDFs. */
export function invoicePdf(invoiceNo: string, lines: string[]): Buffer {
  const text = [
    `(Invoice ${invoiceNo}) Tj`,
    ...lines.map((l) => `0 -24 Td (${l.replace(/[()\\]/g, "")}) Tj`),
  ].join("\n");
  const stream = `BT /F1 16 Tf 72 720 Td\n${text}\nET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const chunks: Buffer[] = [
    Buffer.from("%PDF-1.4\n%", "latin1"),
    Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
  ];
  const offsets: number[] = [];
  let size = chunks.reduce((s, c) => s + c.length, 0);
  objects.forEach((body, i) => {
    offsets.push(size);
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, "latin1");
    chunks.push(chunk);
    size += chunk.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
  ].join("\n");
  chunks.push(
    Buffer.from(
      `${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`,
      "latin1",
    ),
  );
  return Buffer.concat(chunks);
}

export type IcsEvent = {
  uid: string;
  start: number;
  minutes: number;
  summary: string;
  organizer: string;
  attendees: Array<{ name: string; email: string }>;
};

export function icsInvite(e: IcsEvent): Buffer {
  const fmt = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "PRODID:-//BookWell//Scheduler 1.0//EN",
    "VERSION:2.0",
    "METHOD:REQUEST",
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${fmt(e.start - 86_400_000)}`,
    `DTSTART:${fmt(e.start)}`,
    `DTEND:${fmt(e.start + e.minutes * 60_000)}`,
    `SUMMARY:${e.summary}`,
    `ORGANIZER;CN=BookWell:mailto:${e.organizer}`,
    ...e.attendees.map(
      (a) => `ATTENDEE;CN="${a.name}";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:${a.email}`,
    ),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}
