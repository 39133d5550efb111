import {
  type ActionContext,
  type ActionResult,
  type CollectionCount,
  type Connector,
  type ExportSink,
  type FieldCorrection,
  type ResolvedKeys,
  type Subject,
  type SuppressionStore,
} from '../connector';
import { type FieldRef, type SuppressionSystem } from '../datamap/datamap.types';
import { SUPPRESSION_COLLECTION } from '../datamap/read-suppression-system';
import { emailSha256 } from './email-digest';

export { emailSha256 } from './email-digest';

/**
 * Rightsdesk's own marketing suppression list: SHA-256 digests of the emails of people who opted
 * out, which the company's mailers check before sending. It reaches the list through a port so this
 * library stays free of Rightsdesk's schema.
 */
export class SuppressionConnector implements Connector {
  constructor(
    readonly system: SuppressionSystem,
    private readonly store: SuppressionStore,
  ) {}

  private get collection(): string {
    return this.system.collections[0]?.name ?? SUPPRESSION_COLLECTION;
  }

  check(): Promise<string[]> {
    return Promise.resolve([]);
  }

  resolveKeys(_subject: Subject, _wanted: FieldRef[]): Promise<ResolvedKeys> {
    return Promise.resolve({});
  }

  async count(subject: Subject): Promise<CollectionCount[]> {
    return [{ collection: this.collection, count: await this.store.count(digestsOf(subject)) }];
  }

  async access(subject: Subject, sink: ExportSink, _context: ActionContext): Promise<ActionResult> {
    let found = 0;
    // One lookup per digest: the store tells how many are listed, and the export says which.
    for (const digest of digestsOf(subject)) {
      if ((await this.store.count([digest])) > 0) {
        await sink.write(this.collection, { email_sha256: digest, suppressed: true });
        found += 1;
      }
    }
    return {
      state: 'done',
      collections: [{ collection: this.collection, found, changed: 0, actions: ['export'] }],
    };
  }

  async erase(subject: Subject, _context: ActionContext): Promise<ActionResult> {
    // Kept on erasure: deleting the entry would let the mailers write to the person again, while
    // Art. 21(3) GDPR says marketing must stop for good once they objected. The entry is a digest
    // that serves only that purpose; the certificate records the keep.
    const found = await this.store.count(digestsOf(subject));
    return {
      state: 'done',
      collections: [{ collection: this.collection, found, changed: 0, actions: ['keep:suppression'] }],
    };
  }

  rectify(_subject: Subject, corrections: FieldCorrection[], _context: ActionContext): Promise<ActionResult> {
    if (corrections.length === 0) {
      return Promise.resolve({ state: 'done', collections: [] });
    }
    return Promise.reject(
      new Error(
        `System "${this.system.key}" (suppression) holds digests of emails, which cannot be rectified`,
      ),
    );
  }

  async optOut(subject: Subject, context: ActionContext): Promise<ActionResult> {
    const digests = digestsOf(subject);
    const added = digests.length > 0 ? await this.store.add(digests, `request:${context.requestId}`) : 0;
    return {
      state: 'done',
      collections: [
        { collection: this.collection, found: digests.length, changed: added, actions: ['add:suppression'] },
      ],
    };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function digestsOf(subject: Subject): string[] {
  return [...new Set(subject.identities.email.map(emailSha256))];
}
