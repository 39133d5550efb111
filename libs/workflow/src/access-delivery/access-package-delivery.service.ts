import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { StatementTimer } from '@rightsdesk/connectors';
import { AccessPackageRepository, DatabaseTransactions, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { RequestException } from '@rightsdesk/domain';
import { PackageStore } from '../access-package';
import { AuditTrail } from '../audit/audit-trail.service';
import { KeyedHash } from '../security/keyed-hash';
import { Clock } from '../time/clock';

export interface PackageDownload {
  /** Whose package it is: the token proved the caller is that requester (Global Privacy Control). */
  requestId: string;
  fileName: string;
  bytes: number;
  stream: Readable;
}

// Hands out access packages by their link token: limited in time and in number of downloads,
// every download audited. A token that is wrong, expired or used up gets the same answer.
@Injectable()
export class AccessPackageDelivery {
  private readonly logger = new Logger(AccessPackageDelivery.name);

  constructor(
    private readonly packages: AccessPackageRepository,
    private readonly requests: PrivacyRequestRepository,
    private readonly transactions: DatabaseTransactions,
    private readonly store: PackageStore,
    private readonly audit: AuditTrail,
    private readonly hash: KeyedHash,
    private readonly clock: Clock,
  ) {}

  /** For the download page: whether the link still works, without using a download. */
  async describe(token: string): Promise<{ requestId: string; expiresAt: Date; downloadsRemaining: number } | null> {
    const found = token ? await this.packages.findUsable(this.hash.token(token), this.clock.now()) : null;
    return found ? { requestId: found.requestId, expiresAt: found.expiresAt, downloadsRemaining: found.downloadsRemaining } : null;
  }

  async download(token: string): Promise<PackageDownload> {
    const now = this.clock.now();
    const tokenHash = token ? this.hash.token(token) : null;
    const found = tokenHash ? await this.packages.findUsable(tokenHash, now) : null;
    // The file is opened before a download is used up: when it is gone (the expiry job deleted it
    // and has not marked the row yet) the link has expired, and no download is spent on it.
    const stream = found ? await this.store.openPackage(found.requestId, found.id).catch(() => null) : null;
    if (found && !stream) {
      this.logger.warn({ requestId: found.requestId, packageId: found.id }, 'access package file missing for a usable link');
    }
    const taken =
      tokenHash && stream
        ? await this.transactions.run(async (tx) => {
            const row = await this.packages.takeDownload(tx, tokenHash, now);
            if (!row) {
              return null;
            }
            await this.audit.record(tx, {
              requestId: row.requestId,
              actorType: 'requester',
              action: 'access_package_downloaded',
              data: { packageId: row.id, downloadsRemaining: row.downloadsRemaining },
            });
            return row;
          })
        : null;
    if (!taken || !stream) {
      stream?.destroy();
      throw new RequestException('package_unavailable', 'This download link is invalid, has expired or has been used up.');
    }
    const reference = (await this.requests.findById(taken.requestId))?.reference ?? 'privacy-request';
    return { requestId: taken.requestId, fileName: `${reference}-data.zip`, bytes: Number(taken.bytes), stream };
  }

  /** The expire-access-packages job: files go when their link expires. */
  async expire(limit = 200): Promise<number> {
    const { deleted } = await this.deleteExpired(this.clock.now(), null, limit);
    if (deleted > 0) {
      this.logger.log({ removed: deleted }, 'expired access packages deleted');
    }
    return deleted;
  }

  /**
   * Deletes the files of the next at most `limit` packages past expiry at `asOf` with ids after
   * `cursor`, then marks them deleted with an `access_package_deleted` event each, in one statement.
   * Files first: a crash in between leaves rows a repeated call marks, never a marked row whose file
   * is still there. `longestStepMs` is the longest single query or file deletion.
   */
  async deleteExpired(asOf: Date, cursor: string | null, limit: number): Promise<{ found: number; lastKey: string | null; deleted: number; longestStepMs: number }> {
    const timer = new StatementTimer();
    const step = <T>(work: () => Promise<T>): Promise<T> => timer.time(work);
    const rows = await step(() => this.packages.findExpired(asOf, cursor, limit));
    for (const row of rows) {
      await step(() => this.store.deletePackage(row.requestId, row.id));
    }
    const deleted = await step(() =>
      this.packages.markDeleted(
        rows.map((row) => row.id),
        this.clock.now(),
        rows.map((row) =>
          this.audit.event({
            requestId: row.requestId,
            actorType: 'system',
            action: 'access_package_deleted',
            data: { packageId: row.id, reason: 'expired' },
          }),
        ),
      ),
    );
    return { found: rows.length, lastKey: rows.at(-1)?.id ?? null, deleted, longestStepMs: timer.longestMs };
  }
}
