import { z } from "zod";
import { env } from "@/lib/env";
import { GoogleError } from "../errors";
import { driverCall } from "../google-session";
import type { DriveSession } from "./drive-session";

// The Drive driver (metadata only): each method takes a DriveSession (openDrive), pays its
// quota and goes through the breaker and retry policy (driverCall), validates Google's
// answer with zod and throws a mapped GoogleError.
const COST = { "files.list": 1, "changes.getStartPageToken": 1, "changes.list": 1 } as const;

const person = z.object({ emailAddress: z.string().optional(), displayName: z.string().optional() });

export const driveFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(""),
  mimeType: z.string().default("application/octet-stream"),
  webViewLink: z.string().optional(),
  iconLink: z.string().optional(),
  createdTime: z.string().optional(),
  modifiedTime: z.string().optional(),
  trashed: z.boolean().default(false),
  ownedByMe: z.boolean().optional(),
  owners: z.array(person.extend({ me: z.boolean().optional() })).default([]),
  /** Only present when the user may share the file (Drive hides it from readers). */
  permissions: z
    .array(person.extend({ role: z.string().optional(), type: z.string().optional() }))
    .optional(),
  sharingUser: person.optional(),
});
export type DriveFile = z.infer<typeof driveFileSchema>;

const FILE_FIELDS =
  "id,name,mimeType,webViewLink,iconLink,createdTime,modifiedTime,trashed,ownedByMe," +
  "owners(emailAddress,displayName,me),permissions(emailAddress,displayName,role,type)," +
  "sharingUser(emailAddress,displayName)";

const fileList = z.object({
  files: z.array(driveFileSchema).default([]),
  nextPageToken: z.string().optional(),
});
const startToken = z.object({ startPageToken: z.string().min(1) });
const changeList = z.object({
  changes: z
    .array(
      z.object({
        fileId: z.string().min(1),
        removed: z.boolean().default(false),
        file: driveFileSchema.optional(),
      }),
    )
    .default([]),
  nextPageToken: z.string().optional(),
  newStartPageToken: z.string().optional(),
});

async function get<S extends z.ZodType>(
  s: DriveSession,
  op: keyof typeof COST,
  path: string,
  params: Record<string, string | number | boolean>,
  schema: S,
  opts: { cursorOp?: boolean } = {},
): Promise<z.output<S>> {
  // Drive lives under the same configurable root as Gmail and Calendar (the emulator in tests).
  const url = new URL(`drive/v3/${path}`, env().GOOGLE_API_ROOT_URL).toString();
  const res = await driverCall(
    s,
    COST[op],
    () => s.auth.request({ url, params, retry: false, timeout: 30_000 }),
    { cursorOp: opts.cursorOp, maxAttempts: 5, maxWaitMs: 10_000 },
  );
  const parsed = schema.safeParse(res.data);
  if (!parsed.success) throw new GoogleError("temporary", `unexpected Drive ${op} response`);
  return parsed.data;
}

/** One page of the files the user can see (owned or shared with them), not trashed. */
export function listDriveFiles(
  s: DriveSession,
  input: { pageToken?: string },
): Promise<{ files: DriveFile[]; nextPageToken?: string }> {
  return get(
    s,
    "files.list",
    "files",
    {
      q: "trashed = false",
      pageSize: 200,
      fields: `nextPageToken,files(${FILE_FIELDS})`,
      ...(input.pageToken ? { pageToken: input.pageToken } : {}),
    },
    fileList,
  );
}

/** The token from which changes.list reports what happens next. */
export async function getDriveStartPageToken(s: DriveSession): Promise<string> {
  return (await get(s, "changes.getStartPageToken", "changes/startPageToken", {}, startToken)).startPageToken;
}

/**
 * One page of changes since `pageToken`. A token Drive no longer accepts (400 invalid
 * value, 404, 410) is `cursor_invalid`: the caller falls back to a full listing.
 */
export async function listDriveChanges(
  s: DriveSession,
  input: { pageToken: string },
): Promise<z.output<typeof changeList>> {
  try {
    return await get(
      s,
      "changes.list",
      "changes",
      {
        pageToken: input.pageToken,
        pageSize: 200,
        includeRemoved: true,
        spaces: "drive",
        fields: `nextPageToken,newStartPageToken,changes(fileId,removed,file(${FILE_FIELDS}))`,
      },
      changeList,
      { cursorOp: true },
    );
  } catch (e) {
    if (e instanceof GoogleError && e.kind === "bad_request")
      throw new GoogleError("cursor_invalid", "Drive rejected the page token", e.status);
    throw e;
  }
}
