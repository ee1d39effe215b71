import type { gmail_v1 } from "@googleapis/gmail";
import type { GaxiosError } from "gaxios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url } from "../mime/transfer";
import { loadFixtures } from "../seed/fixtures";
import { startGoogleEmulator, type Emulator } from "../server";
import { authedClients } from "../test-clients";

const NOW = new Date("2025-06-01T12:00:00Z");
let emu: Emulator;
let g: gmail_v1.Gmail;
const fixtureId = (file: string) =>
  emu.control.describeCorpus().fixtures.find((f) => f.file === file)?.id ?? "";
const errorOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as GaxiosError).response;
const noRetry = { retry: false };

beforeAll(async () => {
  emu = await startGoogleEmulator({
    seed: 11,
    mailbox: { messages: 60 },
    calendar: { events: 5 },
    now: NOW,
  });
  g = authedClients(emu).gmail;
});
afterAll(() => emu.close());

describe("Gmail messages.get", () => {
  it("serves a quoted-printable Latin-1 message in every format", async () => {
    const id = fixtureId("02-qp-latin1.eml");
    const full = (await g.users.messages.get({ userId: "me", id })).data;
    expect(full.payload).toMatchObject({ partId: "", mimeType: "text/plain", filename: "" });
    expect(full.payload?.headers).toContainEqual({ name: "Subject", value: "Réservation séance samedi" });
    expect(full.payload?.headers).toContainEqual({
      name: "From",
      value: "Zoë Lefèvre <zoe.lefevre@yahoo.com>",
    });
    const body = fromBase64Url(full.payload?.body?.data ?? "");
    expect(full.payload?.body?.size).toBe(body.length);
    expect(body.toString("latin1")).toContain("réserver une séance de massage samedi à 10h");
    expect(full.snippet).toMatch(/^Bonjour Maya, Je voudrais réserver/);
    const raw = (await g.users.messages.get({ userId: "me", id, format: "raw" })).data;
    expect(fromBase64Url(raw.raw ?? "").equals(loadFixtures()[1]?.raw ?? Buffer.alloc(0))).toBe(true);
    expect(raw.payload).toBeUndefined();
    const meta = (
      await g.users.messages.get({
        userId: "me",
        id,
        format: "metadata",
        metadataHeaders: ["subject", "Date"],
      })
    ).data;
    expect(meta.payload?.headers?.map((h) => h.name)).toEqual(["Date", "Subject"]);
    const minimal = (await g.users.messages.get({ userId: "me", id, format: "minimal" })).data;
    expect(Object.keys(minimal).sort()).toEqual([
      "historyId",
      "id",
      "internalDate",
      "labelIds",
      "sizeEstimate",
      "snippet",
      "threadId",
    ]);
    expect(minimal.internalDate).toBe(String(Date.parse("2025-01-07T17:40:00Z")));
  });

  it("decodes RFC 2047 subjects, numbers nested parts, and serves attachments", async () => {
    const alt = (
      await g.users.messages.get({ userId: "me", id: fixtureId("03-utf8-alternative-b-subject.eml") })
    ).data;
    expect(alt.payload?.headers?.find((h) => h.name === "Subject")?.value).toBe(
      "🧘 Reprogramación de la sesión del jueves",
    );
    expect(alt.payload?.parts?.map((p) => [p.partId, p.mimeType])).toEqual([
      ["0", "text/plain"],
      ["1", "text/html"],
    ]);
    const mixed = (await g.users.messages.get({ userId: "me", id: fixtureId("05-mixed-pdf-attachment.eml") }))
      .data;
    expect(mixed.payload?.parts?.[0]?.parts?.map((p) => p.partId)).toEqual(["0.0", "0.1"]);
    const pdf = mixed.payload?.parts?.[1];
    expect(pdf).toMatchObject({ partId: "1", mimeType: "application/pdf", filename: "invoice-2025-001.pdf" });
    expect(pdf?.body?.data).toBeUndefined();
    const att = await g.users.messages.attachments.get({
      userId: "me",
      messageId: mixed.id ?? "",
      id: pdf?.body?.attachmentId ?? "",
    });
    expect(
      fromBase64Url(att.data.data ?? "")
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(att.data.size).toBe(pdf?.body?.size);
    const reply = (
      await g.users.messages.get({ userId: "me", id: fixtureId("08-reply-quoted.eml"), format: "minimal" })
    ).data;
    expect(reply.threadId).toBe(fixtureId("01-plain-ascii.eml"));
  });

  it("answers errors like Gmail: 404, delegation 403, insufficient scope 403", async () => {
    expect(
      await errorOf(g.users.messages.get({ userId: "me", id: "ffffffffffffffff" }, noRetry)),
    ).toMatchObject({ status: 404, data: { error: { status: "NOT_FOUND" } } });
    expect((await errorOf(g.users.getProfile({ userId: "someone@else.com" }, noRetry)))?.status).toBe(403);
    const calOnly = authedClients(emu, emu.defaultAccount, {
      scope: "https://www.googleapis.com/auth/calendar.readonly",
    }).gmail;
    const res = await errorOf(calOnly.users.messages.list({ userId: "me" }, noRetry));
    expect(res?.data).toMatchObject({
      error: { code: 403, errors: [{ reason: "insufficientPermissions" }] },
    });
  });
});
