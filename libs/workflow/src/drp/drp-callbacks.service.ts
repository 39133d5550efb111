import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { type CallbackCandidate, DrpAgentRepository, DrpRequestRepository } from '@rightsdesk/data-access';
import { errorSummary } from '@rightsdesk/queue';
import { Clock } from '../time/clock';
import { publicOnlyLookup } from './callback-address';
import { DrpRequests } from './drp-requests.service';
import { FINAL_DRP_STATES } from './drp-status';

const BATCH = 100;
// Deliveries at once: one slow agent must not hold up the others' callbacks for a whole tick.
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;
// Longer than one delivery can take, so a lease only outlives a process that died mid-send.
const LEASE_MS = 60_000;
// 30 s, 1 min, 2 min … capped at 6 h; 16 attempts of one state span about two days.
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 6 * 3600 * 1000;
const MAX_ATTEMPTS = 16;

export interface CallbackSweep {
  sent: number;
  failed: number;
}

type Outcome = 'sent' | 'failed' | 'skipped';

// The Data Rights Status Callback (DRP 1.0 §2.03): the agent's status_callback gets the status
// object whenever it changes. Nothing in the workflow calls this: the sweep finds requests whose
// state differs from what the agent last took (a digest computed in the query), so every change,
// made by any process or code path, reaches the agent. Each delivery is leased per request after
// re-checking in the same statement that it is still due, so overlapping sweeps in several workers
// never send one state twice at once; a failed one is retried with back-off (§2.03.1: best effort
// until the agent answers 200 for the latest state).
@Injectable()
export class DrpCallbacks {
  private readonly logger = new Logger(DrpCallbacks.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly drpRequests: DrpRequestRepository,
    private readonly agents: DrpAgentRepository,
    private readonly requests: DrpRequests,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<CallbackSweep> {
    const candidates = await this.drpRequests.callbackCandidates(this.clock.now(), BATCH);
    const result: CallbackSweep = { sent: 0, failed: 0 };
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < candidates.length) {
        const outcome = await this.deliver(candidates[next++]);
        if (outcome !== 'skipped') {
          result[outcome] += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, candidates.length) }, lane));
    return result;
  }

  private async deliver(candidate: CallbackCandidate): Promise<Outcome> {
    const now = this.clock.now();
    const lease = await this.drpRequests.leaseCallback(candidate.id, candidate.stateKey, now, new Date(now.getTime() + LEASE_MS));
    if (!lease) {
      return 'skipped';
    }
    let final = false;
    try {
      const drp = await this.drpRequests.findById(candidate.id);
      if (!drp?.statusCallback) {
        await this.drpRequests.releaseCallback(candidate.id);
        return 'skipped';
      }
      if ((await this.agents.findById(drp.agentId))?.disabledAt) {
        // A disabled agent gets nothing more from us, this state or any later one.
        await this.drpRequests.callbackFailed(drp.id, candidate.stateKey, lease.attempts, null, true);
        return 'skipped';
      }
      const status = await this.requests.statusOf(drp);
      final = FINAL_DRP_STATES.includes(status.status);
      await this.post(drp.statusCallback, JSON.stringify(status));
      await this.drpRequests.callbackDelivered(drp.id, candidate.stateKey, final);
      return 'sent';
    } catch (error) {
      const attempts = lease.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const nextAt = giveUp ? null : new Date(this.clock.now().getTime() + Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1)));
      await this.drpRequests.callbackFailed(candidate.id, candidate.stateKey, attempts, nextAt, final);
      this.logger.warn({ drpRequestId: candidate.id, attempts, gaveUp: giveUp, error: errorSummary(error) }, 'DRP status callback failed');
      return 'failed';
    }
  }

  /** One POST; resolves on any 2xx (§2.03.1: the answer's body is discarded), rejects otherwise. */
  private post(url: string, body: string): Promise<void> {
    const target = new URL(url);
    const allowPrivate = this.config.drp.callbackAllowPrivateNetwork;
    const send = target.protocol === 'https:' ? httpsRequest : allowPrivate ? httpRequest : null;
    if (!send) {
      return Promise.reject(Object.assign(new Error('status callbacks go to https URLs only'), { code: 'callback_not_https' }));
    }
    return new Promise((resolve, reject) => {
      const request = send(
        target,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          // The address connected to is the one checked: no second DNS answer to slip past.
          ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
          timeout: TIMEOUT_MS,
        },
        (response) => {
          // Redirects are not followed: they would send the status somewhere the agent never named.
          response.resume();
          const status = response.statusCode ?? 0;
          if (status >= 200 && status <= 299) {
            resolve();
          } else {
            reject(Object.assign(new Error(`status callback answered HTTP ${status}`), { code: `http_${status}` }));
          }
        },
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error('status callback timed out'), { code: 'callback_timeout' })));
      request.on('error', reject);
      request.end(body);
    });
  }
}
