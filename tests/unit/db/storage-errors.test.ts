import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { isQuotaError, requestFailureText, storageWarningText } from '@/lib/db/storage-errors';

const quota = () => new DOMException('over', 'QuotaExceededError');

describe('storage errors', () => {
  it('finds a full disk however Dexie wraps it', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.ModifyError('Error modifying', [quota()]))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('Error adding', { 0: quota() }))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Error('outer', { cause: quota() }))).toBe(true);
    expect(isQuotaError('QuotaExceededError: the quota has been exceeded')).toBe(true);
  });

  it('does not call other failures a full disk', () => {
    expect(isQuotaError(new Dexie.DatabaseClosedError('closed'))).toBe(false);
    expect(isQuotaError(new DOMException('nope', 'UnknownError'))).toBe(false);
    expect(isQuotaError(new Dexie.ModifyError('Error modifying', [new Error('x')]))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    // A cycle of wrapping ends.
    const a: { inner?: unknown; name: string } = { name: 'A' };
    a.inner = a;
    expect(isQuotaError(a)).toBe(false);
  });

  it('says what happened and what to do', () => {
    const full = storageWarningText(quota());
    expect(full).toMatch(/^Parley couldn't save this reply: browser storage is full\./);
    expect(full).toContain('Export Markdown');
    expect(full).toContain('free up some disk space');
    const other = storageWarningText(new Dexie.DatabaseClosedError('closed'));
    expect(other).toMatch(/^Parley couldn't save this reply/);
    expect(other).not.toContain('storage is full');
    expect(other).toContain('is the disk full?');
    expect(other).toContain('Export Markdown');
  });

  it('turns a storage failure that stops a request into plain words', () => {
    const closed = new Dexie.DatabaseClosedError(
      'UnknownError Internal error opening backing store',
    );
    expect(requestFailureText(closed)).toMatch(
      /^Parley couldn't read this chat from browser storage\. Start a New chat/,
    );
    expect(requestFailureText(closed)).not.toContain('backing store');
    expect(requestFailureText(new Dexie.ModifyError('x', [quota()]))).toContain('storage is full');
    expect(requestFailureText(quota())).toContain('storage is full');
    // Other failures keep their own (already friendly) message.
    expect(requestFailureText(new Error('That message no longer exists.'))).toBe(
      'That message no longer exists.',
    );
    expect(requestFailureText('odd')).toBe('The request failed.');
    expect(requestFailureText(new DOMException('stopped', 'AbortError'))).toBe('stopped');
  });
});
