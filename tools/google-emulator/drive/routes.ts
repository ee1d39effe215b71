// Drive API v3 routes (metadata only): files.list/get, permissions.list,
// changes.getStartPageToken and changes.list.
import type { ApiContext, ApiRoute } from "../api-route";
import { apiErrors } from "../errors";
import { hasDrive } from "../oauth/scopes";
import { permissionsJson, toFileJson } from "./file-json";
import type { DriveStore } from "./store";

const D = "/drive/v3";

function drive(ctx: ApiContext): DriveStore {
  if (!hasDrive(ctx.grant.scopes)) throw apiErrors.insufficientScopes();
  return ctx.account.drive;
}

function pageSize(q: URLSearchParams, dflt: number, max: number): number {
  const raw = q.get("pageSize");
  if (raw === null) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw apiErrors.badRequest(`Invalid value for pageSize: ${raw}`);
  return n;
}

/** The only `q` the emulator understands: none, or `trashed = false` / `trashed = true`. */
function trashedFilter(q: string | null): boolean | undefined {
  if (q === null || q.trim() === "") return undefined;
  const m = /^\s*trashed\s*=\s*(true|false)\s*$/.exec(q);
  if (!m)
    throw apiErrors.badRequest(`Invalid Value: the emulator only supports q="trashed = false" (got ${q})`);
  return m[1] === "true";
}

function listFiles(ctx: ApiContext) {
  const store = drive(ctx);
  const me = ctx.account.profile.email;
  const size = pageSize(ctx.query, 100, 1000);
  const trashed = trashedFilter(ctx.query.get("q"));
  const all = store.list().filter((f) => trashed === undefined || f.trashed === trashed);
  const token = ctx.query.get("pageToken");
  const start = token === null ? 0 : Number(token);
  if (!Number.isInteger(start) || start < 0 || start > all.length)
    throw apiErrors.badRequest("Invalid Value", "invalid");
  const page = all.slice(start, start + size);
  return {
    kind: "drive#fileList",
    incompleteSearch: false,
    files: page.map((f) => toFileJson(f, me)),
    ...(start + size < all.length ? { nextPageToken: String(start + size) } : {}),
  };
}

function listChanges(ctx: ApiContext) {
  const store = drive(ctx);
  const me = ctx.account.profile.email;
  const token = ctx.query.get("pageToken");
  if (!token) throw apiErrors.badRequest("Required parameter: pageToken", "required");
  const size = pageSize(ctx.query, 100, 1000);
  const includeRemoved = ctx.query.get("includeRemoved") !== "false";
  const changes = store.changesSince(token);
  if (!changes) throw apiErrors.badRequest(`Invalid Value: pageToken ${token}`, "invalid");
  const page = changes.slice(0, size);
  const more = changes.length > size;
  const out = [];
  for (const c of page) {
    const f = store.get(c.fileId);
    if (!f && !includeRemoved) continue;
    out.push({
      kind: "drive#change",
      changeType: "file",
      type: "file",
      time: new Date(c.time).toISOString(),
      fileId: c.fileId,
      removed: !f,
      ...(f ? { file: toFileJson(f, me) } : {}),
    });
  }
  return {
    kind: "drive#changeList",
    changes: out,
    ...(more ? { nextPageToken: String(changes[size]!.seq) } : { newStartPageToken: store.startPageToken() }),
  };
}

export const DRIVE_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: new RegExp(`^${D}/files$`),
    id: "drive.files.list",
    cost: 1,
    api: "drive",
    handler: listFiles,
  },
  {
    method: "GET",
    pattern: new RegExp(`^${D}/files/([^/]+)$`),
    id: "drive.files.get",
    cost: 1,
    api: "drive",
    handler: (ctx) => {
      const f = drive(ctx).get(ctx.params[0] ?? "");
      if (!f) throw apiErrors.notFound(`File not found: ${ctx.params[0]}.`);
      return toFileJson(f, ctx.account.profile.email);
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^${D}/files/([^/]+)/permissions$`),
    id: "drive.permissions.list",
    cost: 1,
    api: "drive",
    handler: (ctx) => {
      const me = ctx.account.profile.email;
      const f = drive(ctx).get(ctx.params[0] ?? "");
      if (!f) throw apiErrors.notFound(`File not found: ${ctx.params[0]}.`);
      if (!toFileJson(f, me).capabilities.canShare)
        throw apiErrors.forbidden("The user does not have sufficient permissions for this file.");
      return { kind: "drive#permissionList", permissions: permissionsJson(f) };
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^${D}/changes/startPageToken$`),
    id: "drive.changes.getStartPageToken",
    cost: 1,
    api: "drive",
    handler: (ctx) => ({ kind: "drive#startPageToken", startPageToken: drive(ctx).startPageToken() }),
  },
  {
    method: "GET",
    pattern: new RegExp(`^${D}/changes$`),
    id: "drive.changes.list",
    cost: 1,
    api: "drive",
    handler: listChanges,
  },
];
