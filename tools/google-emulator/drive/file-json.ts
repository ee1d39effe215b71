// Drive API v3 `File` resources as Google serialises them for the caller.
import type { DriveFile, DrivePerson } from "./store";

const iso = (ms: number) => new Date(ms).toISOString();

function user(p: DrivePerson, me: string) {
  return {
    kind: "drive#user",
    displayName: p.displayName ?? p.email,
    emailAddress: p.email,
    me: p.email.toLowerCase() === me,
    permissionId: permissionId(p.email),
  };
}

/** Google's permission ids for users are stable numbers per address. */
function permissionId(email: string): string {
  let h = 0;
  for (const ch of email.toLowerCase()) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return String(h).padStart(20, "0");
}

export function webViewLink(f: DriveFile): string {
  if (f.mimeType === "application/vnd.google-apps.document")
    return `https://docs.google.com/document/d/${f.id}/edit?usp=drivesdk`;
  if (f.mimeType === "application/vnd.google-apps.spreadsheet")
    return `https://docs.google.com/spreadsheets/d/${f.id}/edit?usp=drivesdk`;
  return `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
}

export function permissionsJson(f: DriveFile) {
  return [
    { ...permission(f.owner), role: "owner" },
    ...f.sharedWith.map((g) => ({ ...permission(g), role: g.role })),
  ];
}

function permission(p: DrivePerson) {
  return {
    kind: "drive#permission",
    id: permissionId(p.email),
    type: "user",
    emailAddress: p.email,
    displayName: p.displayName ?? p.email,
  };
}

/**
 * The file as `me` sees it. Like Drive, `permissions` are only listed to someone who may
 * share the file (its owner or a writer); a reader sees the owners and who shared it.
 */
export function toFileJson(f: DriveFile, me: string) {
  const mine = f.owner.email.toLowerCase() === me;
  const myRole = mine ? "owner" : f.sharedWith.find((g) => g.email.toLowerCase() === me)?.role;
  const canShare = myRole === "owner" || myRole === "writer";
  return {
    kind: "drive#file",
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    trashed: f.trashed,
    starred: false,
    webViewLink: webViewLink(f),
    iconLink: `https://drive-thirdparty.googleusercontent.com/16/type/${f.mimeType}`,
    createdTime: iso(f.createdTime),
    modifiedTime: iso(f.modifiedTime),
    ...(mine ? {} : { sharedWithMeTime: iso(f.createdTime), sharingUser: user(f.owner, me) }),
    owners: [user(f.owner, me)],
    ownedByMe: mine,
    shared: f.sharedWith.length > 0,
    ...(canShare ? { permissions: permissionsJson(f) } : {}),
    capabilities: { canShare, canEdit: canShare },
  };
}
