import {
  type ActionContext,
  type ActionResult,
  type CollectionCount,
  type Connector,
  type ExportSink,
  type FieldCorrection,
  type ResolvedKeys,
  type Subject,
  type SuppressionListName,
  type SuppressionStore,
} from '../connector';
import { optOutScope } from '@rightsdesk/domain';
import { type FieldRef, type SuppressionSystem } from '../datamap/datamap.types';
import { SUPPRESSION_COLLECTION } from '../datamap/read-suppression-system';
import { emailSha256 } from './email-digest';

export { emailSha256 } from './email-digest';

/**
 * Rightsdesk's own suppression lists: SHA-256 digests of the emails of people who opted out —
 * `marketing`, which the company's mailers check before sending, and `sale_sharing`, which its
 * ad-tech checks before selling or sharing. It reaches the lists through a port so this library
 * stays free of Rightsdesk's schema.
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
    // One lookup per digest and list: the store tells how many are listed, and the export says which.
    for (const digest of digestsOf(subject)) {
      const marketing = (await this.store.count([digest], 'marketing')) > 0;
      const saleSharing = (await this.store.count([digest], 'sale_sharing')) > 0;
      if (marketing || saleSharing) {
        await sink.write(this.collection, {
          email_sha256: digest,
          suppressed: marketing,
          ...(saleSharing ? { sale_sharing_opt_out: true } : {}),
        });
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
    const scope = optOutScope(context.optOutChannels);
    const lists: Array<[SuppressionListName, string]> = [];
    if (scope.marketing) {
      lists.push(['marketing', 'add:suppression']);
    }
    if (scope.saleSharing) {
      lists.push(['sale_sharing', 'add:sale_sharing']);
    }
    let added = 0;
    for (const [list] of lists) {
      added += digests.length > 0 ? await this.store.add(digests, `request:${context.requestId}`, list) : 0;
    }
    return {
      state: 'done',
      collections: [
        { collection: this.collection, found: digests.length, changed: added, actions: lists.map(([, action]) => action) },
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
