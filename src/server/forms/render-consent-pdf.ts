import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { Answers } from "./answer-schema";
import { answerText } from "./destinations";
import type { FormField } from "./schemas";

export type ConsentPdfInput = {
  formName: string;
  practitioner: string;
  fields: FormField[];
  answers: Answers;
  signerName: string;
  signaturePng: Uint8Array | null;
  signedAt: Date;
  ip: string | null;
  consentVersion: number;
  recordSha256: string;
};

const W = 595;
const H = 842;
const M = 50;

/** The standard fonts encode WinAnsi only: anything else prints as "?" rather than throwing. */
function winAnsi(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) ? ch : ch === "\n" ? "\n" : "?";
  }
  return out;
}

/**
 * The signed form as a PDF (A4): every question and answer, the consent text, the typed name,
 * the drawn signature, the time and IP, and the record's hash so a printout can be checked
 * against the database.
 */
export async function renderConsentPdf(i: ConsentPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(i.formName));
  doc.setCreationDate(i.signedAt);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([W, H]);
  let y = H - M;

  const write = (text: string, f: PDFFont, size: number, gap = 4) => {
    for (const para of winAnsi(text).split("\n")) {
      for (const line of wrap(para, f, size, W - 2 * M)) {
        if (y < M + size) {
          page = doc.addPage([W, H]);
          y = H - M;
        }
        page.drawText(line, { x: M, y: y - size, size, font: f, color: rgb(0.12, 0.14, 0.13) });
        y -= size + gap;
      }
    }
  };

  write(i.formName, bold, 18, 8);
  if (i.practitioner) write(`For ${i.practitioner}`, font, 11, 10);
  for (const f of i.fields) {
    if (f.type === "heading") {
      y -= 6;
      write(f.label, bold, 13, 6);
      continue;
    }
    if (f.type === "consent") {
      y -= 6;
      write(f.label, bold, 13, 6);
      write(f.text, font, 10, 3);
      write(i.answers[f.id] === true ? "[x] I agree" : "[ ] I agree", bold, 10, 8);
      continue;
    }
    write(f.label, bold, 10, 2);
    write(answerText(f, i.answers[f.id]) || "-", font, 10, 8);
  }
  y -= 10;
  write(`Signed by: ${i.signerName}`, bold, 11, 4);
  if (i.signaturePng) {
    const img = await doc.embedPng(i.signaturePng);
    const scale = Math.min(240 / img.width, 90 / img.height, 1);
    const [w, h] = [img.width * scale, img.height * scale];
    if (y - h < M) {
      page = doc.addPage([W, H]);
      y = H - M;
    }
    page.drawImage(img, { x: M, y: y - h, width: w, height: h });
    y -= h + 6;
  }
  write(`Signed at: ${i.signedAt.toISOString()}${i.ip ? `  from ${i.ip}` : ""}`, font, 9, 3);
  write(`Consent version ${i.consentVersion} - record SHA-256 ${i.recordSha256}`, font, 8, 3);
  return doc.save();
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  if (!text) return [""];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line is cut where it overflows.
    let w = word;
    while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
      let n = w.length - 1;
      while (n > 1 && font.widthOfTextAtSize(w.slice(0, n), size) > width) n--;
      lines.push(w.slice(0, n));
      w = w.slice(n);
    }
    line = w;
  }
  lines.push(line);
  return lines;
}
