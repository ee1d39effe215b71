// One account's Drive as the Drive API v3 sees it: the files the account owns or that were
// shared with it, their permissions, and a change log for changes.list. Every write appends
// a change; page tokens are change sequence numbers, so a token taken before a write sees it.

export type DriveRole = "owner" | "writer" | "commenter" | "reader";
export type DrivePerson = { email: string; displayName?: string };
export type DriveGrant = DrivePerson & { role: Exclude<DriveRole, "owner"> };

export type DriveFileSpec = {
  id?: string;
  name: string;
  mimeType?: string;
  /** Defaults to the account itself; another address means the file was shared with the account. */
  owner?: DrivePerson;
  /** User permissions besides the owner's (the account must be among them when it is not the owner). */
  sharedWith?: DriveGrant[];
  createdTime?: string | number;
  modifiedTime?: string | number;
  trashed?: boolean;
};

export type DriveFile = {
  id: string;
  name: string;
  mimeType: string;
  owner: DrivePerson;
  sharedWith: DriveGrant[];
  createdTime: number;
  modifiedTime: number;
  trashed: boolean;
};

type Change = { seq: number; fileId: string; time: number };

const DOC = "application/vnd.google-apps.document";

export type DriveStore = ReturnType<typeof createDriveStore>;

export function createDriveStore(account: DrivePerson, idSeed: number) {
  const files = new Map<string, DriveFile>();
  const log: Change[] = [];
  let seq = 0;
  let oldestToken = 1;
  let nextId = 0;
  const me = account.email.toLowerCase();

  const newId = () => {
    // Drive ids: 33 url-safe characters, stable for a seed.
    const n = (idSeed + nextId++ * 2654435761) >>> 0;
    return `1${n.toString(36).padStart(8, "0")}${"x".repeat(24)}`.slice(0, 33);
  };
  const visible = (f: DriveFile) =>
    f.owner.email.toLowerCase() === me || f.sharedWith.some((g) => g.email.toLowerCase() === me);
  const record = (fileId: string, time: number) => log.push({ seq: ++seq, fileId, time });

  return {
    account,
    add(spec: DriveFileSpec, now: number): DriveFile {
      const id = spec.id ?? newId();
      if (files.has(id)) throw new Error(`drive file ${id} already exists`);
      const created = toMs(spec.createdTime) ?? now;
      const f: DriveFile = {
        id,
        name: spec.name,
        mimeType: spec.mimeType ?? DOC,
        owner: spec.owner ?? account,
        sharedWith: spec.sharedWith ?? [],
        createdTime: created,
        modifiedTime: toMs(spec.modifiedTime) ?? created,
        trashed: spec.trashed ?? false,
      };
      if (!visible(f)) throw new Error(`drive file ${id} is neither owned by nor shared with ${me}`);
      files.set(id, f);
      record(id, now);
      return f;
    },
    update(id: string, patch: Partial<Omit<DriveFileSpec, "id" | "owner">>, now: number): DriveFile {
      const f = files.get(id);
      if (!f) throw new Error(`unknown drive file ${id}`);
      if (patch.name !== undefined) f.name = patch.name;
      if (patch.mimeType !== undefined) f.mimeType = patch.mimeType;
      if (patch.sharedWith !== undefined) f.sharedWith = patch.sharedWith;
      if (patch.trashed !== undefined) f.trashed = patch.trashed;
      f.modifiedTime = toMs(patch.modifiedTime) ?? now;
      record(id, now);
      return f;
    },
    remove(id: string, now: number): void {
      if (!files.delete(id)) throw new Error(`unknown drive file ${id}`);
      record(id, now);
    },
    /** Files the account can see (owned or shared with it), oldest first. */
    list: (): DriveFile[] =>
      [...files.values()].filter(visible).sort((a, b) => a.createdTime - b.createdTime),
    get: (id: string): DriveFile | undefined => {
      const f = files.get(id);
      return f && visible(f) ? f : undefined;
    },
    startPageToken: () => String(seq + 1),
    /**
     * Changes from `token` on, one per file (its latest), in sequence order; null when the
     * token is older than the log keeps (expireChanges) or not a token at all.
     */
    changesSince(token: string): { seq: number; fileId: string; time: number }[] | null {
      if (!/^\d{1,15}$/.test(token)) return null;
      const from = Number(token);
      if (from < oldestToken || from > seq + 1) return null;
      const latest = new Map<string, Change>();
      for (const c of log) if (c.seq >= from) latest.set(c.fileId, c);
      return [...latest.values()].sort((a, b) => a.seq - b.seq);
    },
    /** Old page tokens stop working (Drive answers them with 400 invalid pageToken). */
    expireChanges(): void {
      // Skip a sequence number so even the current start token is stale.
      seq += 1;
      oldestToken = seq + 1;
    },
    isVisible: (id: string) => {
      const f = files.get(id);
      return !!f && visible(f);
    },
  };
}

function toMs(v: string | number | undefined): number | undefined {
  return v === undefined ? undefined : new Date(v).getTime();
}
