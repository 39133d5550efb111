import { Injectable } from '@nestjs/common';
import {
  ConsoleAuditRepository,
  ConsoleQueueRepository,
  DatabaseTransactions,
  ExecutionRepository,
  type OfficerRef,
  OfficerRepository,
  PrivacyRequestRepository,
  type SentEmailRow,
} from '@rightsdesk/data-access';
import { type ClockHold, computeDeadline, type ConsoleAction, consoleActionsFor, type OfficerRole, daysBetween, type DenyReason, isTerminal, isUuid, type RegimeId, RequestException, type RequestStatus, type RequestType, toCalendarDate } from '@rightsdesk/domain';
import { AuditTrail } from '../../audit/audit-trail.service';
import { type AgentFiling, AgentFilings } from '../../drp/agent-filing.service';
import type { SubjectRecord } from '../../intake/subject-record';
import { FieldCipher } from '../../security/field-cipher';
import { Clock } from '../../time/clock';
import { ConsoleSettingsService } from '../console-settings.service';
import { type AuditEventView, auditEventView } from './audit-view.service';
import { type ConversationMessage, RequestConversation } from './request-conversation.service';

export interface RequestClock {
  today: string;
  regime: RegimeId;
  receivedOn: string;
  dueOn: string;
  originalDueOn: string;
  extendedDueOn: string | null;
  extended: boolean;
  canExtend: boolean;
  extensionNoticeBy: string | null;
  confirmReceiptBy: string | null;
  pausedDays: number;
  holds: ClockHold[];
  legalBasis: string;
  explanation: string;
  /** Null once the request is closed. */
  daysLeft: number | null;
}

export type TimelineEntry = AuditEventView;

export interface SystemOutcome {
  systemKey: string;
  status: string;
  attempts: number;
  errorCode: string | null;
  collections: Array<{ collection: string; found: number; changed: number }>;
  finishedAt: string | null;
}

export interface RequestDetail {
  request: {
    id: string;
    reference: string;
    type: RequestType;
    status: RequestStatus;
    regime: RegimeId;
    country: string;
    region: string | null;
    language: string;
    channel: string;
    receivedAt: string;
    receivedOn: string;
    dueOn: string;
    extended: boolean;
    onHold: boolean;
    verifiedAt: string | null;
    closedAt: string | null;
    denyReason: DenyReason | null;
    /** When retention minimized the record: the requester's data and the conversation are gone. */
    minimizedAt: string | null;
    createdAt: string;
    updatedAt: string;
    version: number;
  };
  /** Once the record is minimized: email '' and name and details null (nothing left to decrypt). */
  subject: SubjectRecord;
  assignee: OfficerRef | null;
  approvalProposal: { by: OfficerRef; at: string } | null;
  /** Approving needs two officers (settings): the first approval is a proposal. */
  fourEyes: boolean;
  clock: RequestClock;
  timeline: TimelineEntry[];
  systems: SystemOutcome[];
  emails: Array<{ id: string; template: string; status: string; createdAt: string; sentAt: string | null }>;
  conversation: ConversationMessage[];
  /** Filed by an authorized agent (channel `agent`): who, and the identity claims it vouches for. */
  agent: AgentFiling | null;
  /** What the signed-in officer may do to this request now (nothing for auditors). */
  actions: ConsoleAction[];
}

// Everything an officer needs to decide on one request. It shows the requester's personal data, so
// every read is written to the audit trail first: no view without its record.
@Injectable()
export class RequestDetailService {
  constructor(
    private readonly requests: PrivacyRequestRepository,
    private readonly audit: ConsoleAuditRepository,
    private readonly queue: ConsoleQueueRepository,
    private readonly execution: ExecutionRepository,
    private readonly officers: OfficerRepository,
    private readonly conversation: RequestConversation,
    private readonly cipher: FieldCipher,
    private readonly trail: AuditTrail,
    private readonly transactions: DatabaseTransactions,
    private readonly clock: Clock,
    private readonly settings: ConsoleSettingsService,
    private readonly agentFilings: AgentFilings,
  ) {}

  /** The request as `officer` sees it, with the actions their role allows on it now. */
  async show(id: string, officer: { id: string; role: OfficerRole }): Promise<RequestDetail> {
    const officerId = officer.id;
    const request = isUuid(id) ? await this.requests.findById(id) : null;
    if (!request) {
      throw new RequestException('not_found', 'No request with this id.');
    }
    await this.transactions.run((tx) =>
      this.trail.record(tx, {
        requestId: request.id,
        actorType: 'officer',
        actorId: officerId,
        action: 'request_viewed',
      }),
    );
    const officerIds = [request.assigneeId, request.approvalProposedBy].filter(
      (v): v is string => v !== null,
    );
    const [timeline, view, emails, conversation, officers, fourEyes, agent] = await Promise.all([
      this.audit.timeline(request.id),
      this.execution.view(request.id),
      this.queue.sentEmails(request.id),
      this.conversation.read(request.id),
      this.officers.findByIds(officerIds),
      this.settings.needsFourEyes(request.type),
      request.channel === 'agent' ? this.agentFilings.of(request.id) : Promise.resolve(null),
    ]);
    const ref = (officerId: string): OfficerRef => ({
      id: officerId,
      displayName: officers.find((o) => o.id === officerId)?.displayName ?? null,
    });
    const today = toCalendarDate(this.clock.now());
    const deadline = computeDeadline({
      regime: request.regime,
      type: request.type,
      receivedOn: request.receivedOn,
      extended: request.extended,
      holds: request.holds,
      today,
    });
    const closed = isTerminal(request.status);
    const minimized = request.minimizedAt !== null;
    const canExtend = deadline.canExtend && !closed;
    return {
      request: {
        id: request.id,
        reference: request.reference,
        type: request.type,
        status: request.status,
        regime: request.regime,
        country: request.country,
        region: request.region,
        language: request.language,
        channel: request.channel,
        receivedAt: request.receivedAt.toISOString(),
        receivedOn: request.receivedOn,
        dueOn: request.dueOn,
        extended: request.extended,
        onHold: request.status === 'on_hold',
        verifiedAt: request.verifiedAt?.toISOString() ?? null,
        closedAt: request.closedAt?.toISOString() ?? null,
        denyReason: request.denyReason,
        minimizedAt: request.minimizedAt?.toISOString() ?? null,
        createdAt: request.createdAt.toISOString(),
        updatedAt: request.updatedAt.toISOString(),
        version: request.version,
      },
      subject: minimized ? MINIMIZED_SUBJECT : this.cipher.decryptJson<SubjectRecord>(request.personalData),
      assignee: request.assigneeId === null ? null : ref(request.assigneeId),
      approvalProposal:
        request.approvalProposedBy === null || request.approvalProposedAt === null
          ? null
          : { by: ref(request.approvalProposedBy), at: request.approvalProposedAt.toISOString() },
      fourEyes,
      clock: {
        today,
        regime: deadline.regime,
        receivedOn: request.receivedOn,
        dueOn: deadline.dueOn,
        originalDueOn: deadline.originalDueOn,
        extendedDueOn: deadline.extendedDueOn,
        extended: request.extended,
        // A closed request has nothing left to extend.
        canExtend,
        extensionNoticeBy: deadline.extensionNoticeBy,
        confirmReceiptBy: deadline.confirmReceiptBy,
        pausedDays: deadline.pausedDays,
        holds: request.holds,
        legalBasis: deadline.legalBasis,
        explanation: deadline.explanation,
        daysLeft: closed ? null : daysBetween(today, deadline.dueOn),
      },
      timeline: timeline.map(auditEventView),
      systems: (view?.systems ?? []).map((system) => ({
        systemKey: system.systemKey,
        status: system.status,
        attempts: system.attempts,
        errorCode: system.errorCode,
        collections: (system.outcome?.collections ?? []).map((c) => ({
          collection: c.collection,
          found: c.found,
          changed: c.changed,
        })),
        finishedAt: system.finishedAt?.toISOString() ?? null,
      })),
      emails: emails.map(toEmail),
      conversation,
      agent,
      // A minimized record is an archive: a note or an assignee would only add to what was erased.
      actions: minimized ? [] : consoleActionsFor({ role: officer.role, status: request.status, type: request.type, canExtend }),
    };
  }
}

const MINIMIZED_SUBJECT: SubjectRecord = { email: '', name: null, details: null };

function toEmail(row: SentEmailRow): RequestDetail['emails'][number] {
  return {
    id: row.id,
    template: row.template,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
