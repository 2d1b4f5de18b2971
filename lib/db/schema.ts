/**
 * The IndexedDB schema (Dexie). Every change adds a version with an upgrade function and a test
 * (tests/unit/db). Messages form a tree per conversation (DESIGN §3).
 */
import Dexie, { type Table } from 'dexie';
import type { ChatMessage, Conversation } from '../model/types';
import type { Comparison, ModerationReport, Rating } from '../model/feedback';
import type { ReplyChunk } from './reply-chunks';

/** Version 1's stores, kept as they were so the upgrade test can create a database of that age. */
export const SCHEMA_V1 = {
  conversations: 'id, updatedAt',
  // `state.kind` finds replies left `streaming` by a worker that died (the startup sweep).
  messages: 'id, conversationId, parentId, state.kind, [conversationId+createdAt]',
  ratings: 'id, messageId, conversationId',
  comparisons: 'id, conversationId',
  moderationReports: 'id, messageId, conversationId',
} as const;

/** Parley's IndexedDB database: its tables and versioned schema (upgrades live beside it). */
export class ParleyDb extends Dexie {
  conversations!: Table<Conversation, string>;
  messages!: Table<ChatMessage, string>;
  ratings!: Table<Rating, string>;
  comparisons!: Table<Comparison, string>;
  moderationReports!: Table<ModerationReport, string>;
  replyChunks!: Table<ReplyChunk, [string, number]>;

  constructor(name = 'parley') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2: a long reply grows by appended chunks instead of rewriting its record whole
    // every flush (lib/db/reply-chunks.ts). No record changes: a version-1 message holds its
    // whole text, which is exactly a reply with no chunks, so there is nothing to upgrade.
    this.version(2).stores({ replyChunks: '[messageId+offset], conversationId' });
  }
}

let shared: ParleyDb | undefined;

/** The database each context uses; opened lazily so a failure surfaces where it is handled. */
export function getDb(): ParleyDb {
  shared ??= new ParleyDb();
  return shared;
}

/**
 * Opens the database again if it is closed. Dexie gives up for good after a failed open (a disk
 * that was full, a backing store that failed); a retry after the cause is gone needs this.
 */
export async function reopenIfClosed(db: ParleyDb): Promise<void> {
  if (!db.isOpen()) await db.open();
}
