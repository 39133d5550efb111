import { DENY_REASONS, REGIMES, REQUEST_STATUSES, REQUEST_TYPES } from '@rightsdesk/domain';

// OpenAPI shapes of the queue's answers (documentation only; the services' types are the contract).
export const officerRef = {
  type: 'object',
  nullable: true,
  required: ['id', 'displayName'],
  properties: { id: { type: 'string', format: 'uuid' }, displayName: { type: 'string', nullable: true } },
};
export const countsSchema = {
  type: 'object',
  required: [...REQUEST_STATUSES],
  properties: Object.fromEntries(REQUEST_STATUSES.map((s) => [s, { type: 'integer' }])),
};
export const queueItemSchema = {
  type: 'object',
  required: ['id', 'reference', 'type', 'status', 'regime', 'channel', 'receivedOn', 'dueOn', 'daysLeft', 'overdue', 'extended', 'onHold', 'verified', 'assignee', 'approvalProposedBy', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    reference: { type: 'string', example: 'RD-7K2M-9QXW-4HTN-P3VA' },
    type: { type: 'string', enum: [...REQUEST_TYPES] },
    status: { type: 'string', enum: [...REQUEST_STATUSES] },
    regime: { type: 'string', enum: [...REGIMES] },
    channel: { type: 'string' },
    receivedOn: { type: 'string', format: 'date' },
    dueOn: { type: 'string', format: 'date' },
    daysLeft: { type: 'integer', nullable: true, description: 'Negative once overdue; null once closed' },
    overdue: { type: 'boolean' },
    extended: { type: 'boolean' },
    onHold: { type: 'boolean' },
    verified: { type: 'boolean' },
    assignee: officerRef,
    approvalProposedBy: officerRef,
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const date = { type: 'string', format: 'date' };
export const nullableDate = { type: 'string', format: 'date', nullable: true };
export const dateTime = { type: 'string', format: 'date-time' };
export const clockSchema = {
  type: 'object',
  required: ['today', 'regime', 'receivedOn', 'dueOn', 'originalDueOn', 'extendedDueOn', 'extended', 'canExtend', 'extensionNoticeBy', 'confirmReceiptBy', 'pausedDays', 'holds', 'legalBasis', 'explanation', 'daysLeft'],
  properties: {
    today: date,
    regime: { type: 'string', enum: [...REGIMES] },
    receivedOn: date,
    dueOn: date,
    originalDueOn: date,
    extendedDueOn: nullableDate,
    extended: { type: 'boolean' },
    canExtend: { type: 'boolean' },
    extensionNoticeBy: nullableDate,
    confirmReceiptBy: nullableDate,
    pausedDays: { type: 'integer' },
    holds: { type: 'array', items: { type: 'object', required: ['from'], properties: { from: date, to: date } } },
    legalBasis: { type: 'string' },
    explanation: {
      type: 'string',
      example: 'due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25',
    },
    daysLeft: { type: 'integer', nullable: true },
  },
};
export const actorSchema = {
  type: 'object',
  required: ['type', 'id', 'displayName'],
  properties: {
    type: { type: 'string' },
    id: { type: 'string', nullable: true },
    displayName: { type: 'string', nullable: true },
  },
};
export const timelineEntrySchema = {
  type: 'object',
  required: ['at', 'action', 'actor', 'fromStatus', 'toStatus', 'reason', 'data'],
  properties: {
    at: dateTime,
    action: { type: 'string' },
    actor: actorSchema,
    fromStatus: { type: 'string', nullable: true },
    toStatus: { type: 'string', nullable: true },
    reason: { type: 'string', nullable: true },
    data: { type: 'object', nullable: true, additionalProperties: true },
  },
};
export const systemSchema = {
  type: 'object',
  required: ['systemKey', 'status', 'attempts', 'errorCode', 'collections', 'finishedAt'],
  properties: {
    systemKey: { type: 'string' },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    errorCode: { type: 'string', nullable: true },
    collections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['collection', 'found', 'changed'],
        properties: {
          collection: { type: 'string' },
          found: { type: 'integer' },
          changed: { type: 'integer' },
        },
      },
    },
    finishedAt: { ...dateTime, nullable: true },
  },
};
export const emailSchema = {
  type: 'object',
  required: ['id', 'template', 'status', 'createdAt', 'sentAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    template: { type: 'string' },
    status: { type: 'string' },
    createdAt: dateTime,
    sentAt: { ...dateTime, nullable: true },
  },
};
export const messageSchema = {
  type: 'object',
  required: ['id', 'kind', 'author', 'body', 'createdAt', 'attachments'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { type: 'string' },
    author: actorSchema,
    body: { type: 'string' },
    createdAt: dateTime,
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'contentType', 'bytes', 'sha256', 'fileName', 'erased'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          contentType: { type: 'string' },
          bytes: { type: 'integer' },
          sha256: { type: 'string' },
          fileName: { type: 'string', nullable: true },
          erased: { type: 'boolean' },
        },
      },
    },
  },
};
export const requestSchema = {
  type: 'object',
  required: ['id', 'reference', 'type', 'status', 'regime', 'country', 'region', 'language', 'channel', 'receivedAt', 'receivedOn', 'dueOn', 'extended', 'onHold', 'verifiedAt', 'closedAt', 'minimizedAt', 'denyReason', 'createdAt', 'updatedAt', 'version'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    reference: { type: 'string' },
    type: { type: 'string', enum: [...REQUEST_TYPES] },
    status: { type: 'string', enum: [...REQUEST_STATUSES] },
    regime: { type: 'string', enum: [...REGIMES] },
    country: { type: 'string' },
    region: { type: 'string', nullable: true },
    language: { type: 'string' },
    channel: { type: 'string' },
    receivedAt: dateTime,
    receivedOn: date,
    dueOn: date,
    extended: { type: 'boolean' },
    onHold: { type: 'boolean' },
    verifiedAt: { ...dateTime, nullable: true },
    closedAt: { ...dateTime, nullable: true },
    minimizedAt: { ...dateTime, nullable: true, description: 'Retention minimized the record: the personal data is gone, the figures stay' },
    denyReason: { type: 'string', enum: [...DENY_REASONS], nullable: true },
    createdAt: dateTime,
    updatedAt: dateTime,
    version: { type: 'integer' },
  },
};
