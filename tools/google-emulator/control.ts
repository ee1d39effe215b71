// EmulatorControl: how tests, e2e and the demo change the emulator's world
// (new mail, calendar edits, revocations, expired cursors, faults).
import type { calendar_v3 } from "@googleapis/calendar";
import { toEventJson } from "./calendar/event-json";
import type { EventSpec } from "./calendar/store";
import type { FaultSpec } from "./faults";
import { toFileJson } from "./drive/file-json";
import type { DriveFileSpec } from "./drive/store";
import { deliverCalendar, deliverGmail, type Delivery } from "./push/deliver";
import type { MessageSpec } from "./gmail/compose";
import { isKnownLabel } from "./gmail/labels";
import { DEFAULT_SCOPES, normalizeScopes } from "./oauth/scopes";
import { describeCorpus, type CorpusDescription } from "./seed/corpus";
import type { AccountSpec, EmulatorState } from "./state";
import type { EmulatorStats } from "./stats";

export type MintedTokens = {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope: string;
  token_type: "Bearer";
};

export type EmulatorControl = {
  addAccount(email: string, spec?: AccountSpec): { email: string; messages: number; events: number };
  listAccounts(): string[];
  addMessage(email: string, spec: MessageSpec): { id: string; threadId: string; historyId: string };
  deleteMessage(email: string, id: string): { historyId: string };
  modifyLabels(
    email: string,
    id: string,
    add: string[],
    remove?: string[],
  ): { historyId: string; labelIds: string[] };
  addEvent(email: string, spec: EventSpec): calendar_v3.Schema$Event;
  updateEvent(email: string, id: string, patch: Partial<EventSpec>): calendar_v3.Schema$Event;
  cancelEvent(email: string, id: string): calendar_v3.Schema$Event;
  /** A Drive file owned by the account, or (with `owner`) shared with it; returns it as files.get would. */
  addDriveFile(email: string, spec: DriveFileSpec): DriveFileJson;
  /** Renames, re-shares (replaces `sharedWith`) or trashes a file; a file the account loses access to is a removal. */
  updateDriveFile(
    email: string,
    id: string,
    patch: Partial<Omit<DriveFileSpec, "id" | "owner">>,
  ): DriveFileJson | null;
  /** Deletes a file for good (changes.list reports it removed). */
  deleteDriveFile(email: string, id: string): void;
  /** Page tokens taken so far stop working (changes.list answers 400). */
  expireDriveChanges(email: string): void;
  revokeAllGrants(email: string): { revoked: number };
  /** Skips the consent dance: tokens for `email`, by default with every scope the app uses. */
  mintTokens(
    email: string,
    opts?: { scope?: string | string[]; ttlSec?: number; offline?: boolean },
  ): MintedTokens;
  expireHistory(email: string): { historyId: string };
  expireSyncTokens(email: string): void;
  setFault(spec: FaultSpec): void;
  clearFaults(): void;
  stats(): EmulatorStats;
  resetStats(): void;
  describeCorpus(email?: string): CorpusDescription;
  /** Where Pub/Sub pushes a topic's messages (the push subscription's endpoint, with its ?token=). */
  setPubSubPush(
    topicName: string,
    endpoint: string,
    auth?: { audience: string; serviceAccountEmail?: string },
  ): void;
  /** The Calendar channels and Gmail watch registered for an account. */
  pushRegistrations(email: string): {
    calendar: { id: string; resourceId: string; address: string; expiration: number }[];
    gmail: { topicName: string; expiration: number; historyId: number } | null;
  };
  /**
   * Sends a Calendar notification to every channel of the account (what Google does after a
   * change); `token`/`messageNumber` override what is sent, to test forgeries and replays.
   */
  pushCalendar(
    email: string,
    opts?: { resourceState?: "sync" | "exists" | "not_exists"; token?: string; messageNumber?: number },
  ): Promise<Delivery[]>;
  /** Publishes {emailAddress, historyId} for the account's Gmail watch to its push endpoint. */
  pushGmail(
    email: string,
    opts?: { historyId?: number; messageId?: string; authorization?: string },
  ): Promise<Delivery>;
};

export type DriveFileJson = ReturnType<typeof toFileJson>;

export function createControl(state: EmulatorState): EmulatorControl {
  const acct = (email: string) => state.requireAccount(email);
  return {
    addAccount(email, spec) {
      const a = state.addAccount(email, spec);
      return {
        email: a.profile.email,
        messages: a.mailbox.listSorted().length,
        events: a.calendar.all().length,
      };
    },
    listAccounts: () => [...state.accounts.keys()],
    addMessage(email, spec) {
      const unknown = (spec.labelIds ?? []).find((l) => !isKnownLabel(l));
      if (unknown) throw new Error(`unknown label ${unknown}`);
      const m = acct(email).mailbox.add(spec, state.now());
      return { id: m.id, threadId: m.threadId, historyId: String(m.historyId) };
    },
    deleteMessage: (email, id) => ({ historyId: String(acct(email).mailbox.remove(id)) }),
    modifyLabels(email, id, add, remove = []) {
      const m = acct(email).mailbox.modify(id, add, remove);
      return { historyId: String(m.historyId), labelIds: [...m.labelIds] };
    },
    addEvent(email, spec) {
      const cal = acct(email).calendar;
      return toEventJson(cal, cal.add(spec, state.now()));
    },
    updateEvent(email, id, patch) {
      const cal = acct(email).calendar;
      return toEventJson(cal, cal.update(id, patch, state.now()));
    },
    cancelEvent(email, id) {
      const cal = acct(email).calendar;
      return toEventJson(cal, cal.cancel(id, state.now()));
    },
    addDriveFile(email, spec) {
      const a = acct(email);
      return toFileJson(a.drive.add(spec, state.now()), a.profile.email);
    },
    updateDriveFile(email, id, patch) {
      const a = acct(email);
      const f = a.drive.update(id, patch, state.now());
      return a.drive.isVisible(id) ? toFileJson(f, a.profile.email) : null;
    },
    deleteDriveFile: (email, id) => acct(email).drive.remove(id, state.now()),
    expireDriveChanges: (email) => acct(email).drive.expireChanges(),
    revokeAllGrants: (email) => ({ revoked: state.grants.revokeAll(acct(email).profile.email) }),
    mintTokens(email, opts = {}) {
      const a = acct(email);
      const scopes = opts.scope
        ? normalizeScopes(Array.isArray(opts.scope) ? opts.scope.join(" ") : opts.scope)
        : DEFAULT_SCOPES;
      const t = state.grants.createGrant(a.profile.email, state.cfg.clientId, scopes, opts.offline ?? true, {
        ttlSec: opts.ttlSec,
      });
      return {
        access_token: t.accessToken,
        refresh_token: t.refreshToken,
        expires_in: t.expiresIn,
        scope: scopes.join(" "),
        token_type: "Bearer",
      };
    },
    expireHistory: (email) => ({ historyId: String(acct(email).mailbox.expireHistory()) }),
    expireSyncTokens: (email) => acct(email).calendar.expireSyncTokens(),
    setFault: (spec) => void state.faults.set(spec),
    clearFaults: () => state.faults.clear(),
    stats: () => state.stats.snapshot(),
    resetStats() {
      state.stats.reset();
      state.quota?.reset();
    },
    describeCorpus: (email) => describeCorpus(acct(email ?? state.cfg.defaultEmail)),
    setPubSubPush: (topicName, endpoint, auth) =>
      void state.push.subscriptions.set(topicName, { endpoint, ...auth }),
    pushRegistrations(email) {
      const a = acct(email).profile.email;
      const w = state.push.gmailWatches.get(a);
      return {
        calendar: state.push
          .channelsOf(a)
          .map((c) => ({ id: c.id, resourceId: c.resourceId, address: c.address, expiration: c.expiration })),
        gmail: w ? { topicName: w.topicName, expiration: w.expiration, historyId: w.historyId } : null,
      };
    },
    pushCalendar: (email, opts) =>
      Promise.all(
        state.push.channelsOf(acct(email).profile.email).map((c) => deliverCalendar(state, c, opts)),
      ),
    pushGmail: (email, opts) => deliverGmail(state, acct(email).profile.email, opts),
  };
}
