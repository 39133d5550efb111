import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { addIsoDuration } from '@rightsdesk/connectors';
import { AccessPackageRepository, DatabaseTransactions, type DrpRequestEntity, DrpRequestRepository, PrivacyRequestRepository } from '@rightsdesk/data-access';
import { canTransition, normalizeEmail, parseIntake, RequestException } from '@rightsdesk/domain';
import { AuditTrail } from '../audit/audit-trail.service';
import { autoApproveAfterFiling } from '../intake/auto-approve-after-filing';
import { RequestFilings, verifiedNow } from '../intake/request-filings.service';
import { FieldCipher } from '../security/field-cipher';
import { Clock } from '../time/clock';
import { AutoApproval } from '../triage/auto-approval.service';
import { RequestCancellation } from '../triage/decisions/request-cancellation.service';
import { type AuthenticatedDrpAgent, DrpAgentService } from './drp-agent.service';
import { type DrpClaimsRecord, type DrpExerciseRequest, intakeFor, parseExercise } from './drp-exercise';
import { drpStatus, type DrpStatusObject } from './drp-status';
import { parseTimestamp, signedBytesDigest, type SignedMessageFailure } from './signed-message';

/** What the DRP endpoints answer: a status object, or DRP's error (§3.06) with its HTTP status. */
export type DrpAnswer = { ok: true; status: DrpStatusObject } | { ok: false; httpStatus: number; message: string; fatal?: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The signed-message failures as the agent hears them. Unlike pairing (an empty 403), these callers
// hold a valid token, so telling them which check failed helps them fix their client.
const FAILURES: Record<SignedMessageFailure | 'drp_off', { httpStatus: number; message: string; fatal?: boolean }> = {
  drp_off: { httpStatus: 404, message: 'Not found.' },
  not_base64: { httpStatus: 400, message: 'The body must be the base64 of a 64-byte Ed25519 signature followed by the JSON it signs.' },
  bad_signature: { httpStatus: 403, message: "The signature does not verify with the agent's registered key." },
  not_json: { httpStatus: 400, message: 'The signed bytes are not a JSON object.' },
  agent_id_mismatch: { httpStatus: 403, message: 'agent-id is not the agent this bearer token was issued to.' },
  business_id_mismatch: { httpStatus: 403, message: 'business-id is not this business.' },
  issued_in_future: { httpStatus: 400, message: 'issued-at is missing or in the future; check the clock of the system signing requests.' },
  // §2.01: requests made after expires-at are discarded with a fatal error.
  expired: { httpStatus: 400, message: 'The message is expired (expires-at is missing or past); sign a new request.', fatal: true },
  window_too_long: { httpStatus: 400, message: 'expires-at is more than 30 minutes after issued-at; the spec recommends at most 10.', fatal: true },
  unsupported_version: { httpStatus: 400, message: 'drp.version must be "1.0" or "1.0.PS".' },
};

class ReplayRace extends Error {}

// The Data Rights Protocol's exercise, status and revoke endpoints (DRP 1.0 §2.01, §2.02, §2.04).
// An exercise becomes an ordinary privacy request (channel `agent`), so it runs the same queue,
// statutory clock, officer review and execution as one filed on the portal; the agent's side of it
// (its ids, claims and callback) is a drp_request row.
@Injectable()
export class DrpRequests {
  private readonly logger = new Logger(DrpRequests.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agents: DrpAgentService,
    private readonly drpRequests: DrpRequestRepository,
    private readonly requests: PrivacyRequestRepository,
    private readonly packages: AccessPackageRepository,
    private readonly filings: RequestFilings,
    private readonly autoApproval: AutoApproval,
    private readonly cancellation: RequestCancellation,
    private readonly transactions: DatabaseTransactions,
    private readonly audit: AuditTrail,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async exercise(agent: AuthenticatedDrpAgent, body: string): Promise<DrpAnswer> {
    const verified = this.agents.verify(body, agent);
    if (!verified.ok) {
      this.logger.warn({ agentId: agent.id, failure: verified.failure }, 'DRP exercise refused');
      return { ok: false, ...FAILURES[verified.failure] };
    }
    const { claims } = verified;
    const parsed = parseExercise(claims.raw, { permissionSlip: claims['drp.version'] === '1.0.PS', allowPrivateNetwork: this.config.drp.callbackAllowPrivateNetwork });
    if (!parsed.ok) {
      return { ok: false, httpStatus: 400, message: parsed.message };
    }
    const bodySha256 = signedBytesDigest(body);
    const replay = await this.drpRequests.findReplay(agent.id, parsed.value.agentRequestId, bodySha256);
    if (replay) {
      return this.answerReplay(replay);
    }
    // Verified above, so it parses.
    const messageExpiresAt = new Date(parseTimestamp(claims['expires-at']) ?? this.clock.now().getTime());
    try {
      const id = await this.file(agent, parsed.value, { bodySha256, drpVersion: claims['drp.version'], messageExpiresAt });
      return { ok: true, status: await this.statusOf((await this.drpRequests.findById(id)) as DrpRequestEntity) };
    } catch (error) {
      if (error instanceof ReplayRace) {
        // The same message arrived twice at once and the other process filed it first.
        const winner = await this.drpRequests.findReplay(agent.id, parsed.value.agentRequestId, bodySha256);
        if (winner) {
          return this.answerReplay(winner);
        }
      }
      if (error instanceof RequestException && error.code === 'validation_failed') {
        return { ok: false, httpStatus: 400, message: error.message };
      }
      throw error;
    }
  }

  /** `drpRequestId`: the DRP `request_id` we answered with (drp_request.id), not a privacy request's. */
  async status(agent: AuthenticatedDrpAgent, drpRequestId: string): Promise<DrpAnswer> {
    const found = await this.find(agent, drpRequestId);
    if (!found.ok) {
      return found;
    }
    return { ok: true, status: await this.statusOf(found.drp) };
  }

  async revoke(agent: AuthenticatedDrpAgent, drpRequestId: string, body: string): Promise<DrpAnswer> {
    const verified = this.agents.verify(body, agent);
    if (!verified.ok) {
      this.logger.warn({ agentId: agent.id, failure: verified.failure }, 'DRP revoke refused');
      return { ok: false, ...FAILURES[verified.failure] };
    }
    const found = await this.find(agent, drpRequestId);
    if (!found.ok) {
      return found;
    }
    const { drp } = found;
    if (drp.drpVersion === '1.0.PS') {
      return { ok: false, httpStatus: 400, message: 'The Permission Slip profile (1.0.PS) has no revoke.' };
    }
    if (drp.revokedAt !== null) {
      return { ok: true, status: await this.statusOf(drp) };
    }
    const request = drp.requestId === null ? null : await this.requests.findById(drp.requestId);
    if (!request || !canTransition(request.status, 'cancel')) {
      return { ok: false, httpStatus: 409, message: 'The request is being carried out or is already closed, and can no longer be revoked.' };
    }
    const reason = typeof verified.claims.raw.reason === 'string' ? verified.claims.raw.reason.trim().slice(0, 2000) : '';
    try {
      await this.cancellation.cancel(
        request.id,
        { ...(reason === '' ? {} : { note: reason }), notifyRequester: true },
        { type: 'agent', id: agent.id, drpRequestId: drp.id },
      );
    } catch (error) {
      if (error instanceof RequestException && error.code === 'illegal_transition') {
        // Another revoke won the race (answer the same), or an officer approved and execution
        // started between our check and the lock.
        const now = await this.drpRequests.findById(drp.id);
        if (now?.revokedAt) {
          return { ok: true, status: await this.statusOf(now) };
        }
        return { ok: false, httpStatus: 409, message: 'The request is being carried out and can no longer be revoked.' };
      }
      throw error;
    }
    return { ok: true, status: await this.statusOf((await this.drpRequests.findById(drp.id)) as DrpRequestEntity) };
  }

  /** The status object as of now, for the endpoints and the status callback. */
  async statusOf(drp: DrpRequestEntity): Promise<DrpStatusObject> {
    const request = drp.requestId === null ? null : await this.requests.findById(drp.requestId);
    const packageExpiresAt = request?.type === 'access' && request.status === 'completed' ? ((await this.packages.findLatestForRequest(request.id))?.expiresAt ?? null) : null;
    const period = this.config.retention.requestRecordPeriod;
    return drpStatus({ drp, request, packageExpiresAt, recordKeptUntil: (closedAt) => addIsoDuration(closedAt, period) });
  }

  private async find(agent: AuthenticatedDrpAgent, drpRequestId: string): Promise<{ ok: true; drp: DrpRequestEntity } | Extract<DrpAnswer, { ok: false }>> {
    let drp = UUID.test(drpRequestId) ? await this.drpRequests.findById(drpRequestId) : null;
    if (!drp && drpRequestId.length <= 200) {
      // The Permission Slip profile knows requests by its own id.
      const own = await this.drpRequests.findByAgentRequestId(agent.id, drpRequestId);
      drp = own?.drpVersion === '1.0.PS' ? own : null;
    }
    if (!drp) {
      return { ok: false, httpStatus: 404, message: 'No such request.' };
    }
    // §2.02: only the agent managing the request may see or change it.
    if (drp.agentId !== agent.id) {
      return { ok: false, httpStatus: 403, message: 'This request was made by another agent.' };
    }
    return { ok: true, drp };
  }

  /**
   * A replay (same agent-request-id, or the same signed bytes) while the first message is valid
   * answers with the request it made; afterwards the id is spent and a new request needs a new one.
   */
  private async answerReplay(first: DrpRequestEntity): Promise<DrpAnswer> {
    if (this.clock.now() < first.messageExpiresAt) {
      return { ok: true, status: await this.statusOf(first) };
    }
    return {
      ok: false,
      httpStatus: 409,
      message: `This agent-request-id (or message) was used by request ${first.id}, whose message has expired; send a new request with a new agent-request-id.`,
      fatal: true,
    };
  }

  private async file(agent: AuthenticatedDrpAgent, exercise: DrpExerciseRequest, message: { bodySha256: Buffer; drpVersion: string; messageExpiresAt: Date }): Promise<string> {
    const now = this.clock.now();
    const id = randomUUID();
    const row = {
      id,
      agentId: agent.id,
      agentRequestId: exercise.agentRequestId,
      bodySha256: message.bodySha256,
      exercise: exercise.exercise,
      drpRegime: exercise.regime,
      drpVersion: message.drpVersion,
      statusCallback: exercise.statusCallback,
      claims: this.cipher.encryptJson(exercise.record),
      messageExpiresAt: message.messageExpiresAt,
      receivedAt: now,
    };
    const intake = intakeFor(exercise);
    if (intake === null) {
      // sale:opt-in: consent to sale must come from the consumer in two steps (11 CCR §7028(a)).
      await this.transactions.run(async (tx) => {
        // Nothing is filed, so nothing of the consumer's is kept: no officer will read the claims,
        // and no request record would ever minimize them.
        if (!(await this.drpRequests.add({ ...row, claims: Buffer.alloc(0), requestId: null, finalStatus: 'denied', finalReason: 'claim_not_covered' }, tx))) {
          throw new ReplayRace();
        }
        await this.audit.record(tx, { requestId: null, actorType: 'agent', actorId: agent.id, action: 'drp_request_refused', data: { drpRequestId: id, exercise: exercise.exercise } });
      });
      return id;
    }
    const input = parseIntake(intake);
    const email = normalizeEmail(input.email);
    const { request, deadline } = this.filings.newRequest(input, email, verifiedNow('agent', now));
    await this.transactions.run(async (tx) => {
      await this.filings.insertVerified(tx, request, email, [
        {
          requestId: request.id,
          actorType: 'agent',
          actorId: agent.id,
          action: 'request_received',
          fromStatus: null,
          toStatus: request.status,
          data: { type: request.type, regime: request.regime, channel: 'agent', dueOn: deadline.dueOn, method: 'drp', drpRequestId: id, exercise: exercise.exercise, verifiedClaims: verifiedClaims(exercise.record) },
        },
      ]);
      if (!(await this.drpRequests.add({ ...row, requestId: request.id, finalStatus: null, finalReason: null }, tx))) {
        throw new ReplayRace();
      }
    });
    await autoApproveAfterFiling(this.autoApproval, request);
    return id;
  }
}

/** Which claims the agent says it verified: names of claims only, for the audit trail. */
function verifiedClaims(record: DrpClaimsRecord): string[] {
  const { claims } = record;
  return (['email', 'phone_number', 'address'] as const).filter((name) => claims[`${name}_verified`] === true);
}
