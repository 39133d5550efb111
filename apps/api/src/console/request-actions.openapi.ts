import { DENY_REASONS, REQUEST_STATUSES, REQUEST_TYPES, REGIMES } from '@rightsdesk/domain';

const uuid = { type: 'string', format: 'uuid' };
const nullableUuid = { type: 'string', format: 'uuid', nullable: true };
const nullableDateTime = { type: 'string', format: 'date-time', nullable: true };

/** The request after an action: no personal data, only what the console needs to redraw it. */
export const requestStateSchema = {
  type: 'object',
  required: ['id', 'reference', 'type', 'status', 'regime', 'dueOn', 'assigneeId', 'approvalProposedBy', 'approvalProposedAt', 'denyReason', 'closedAt'],
  properties: {
    id: uuid,
    reference: { type: 'string', example: 'RD-7K3M-Q9PX-4D2F-8HJN' },
    type: { type: 'string', enum: [...REQUEST_TYPES] },
    status: { type: 'string', enum: [...REQUEST_STATUSES] },
    regime: { type: 'string', enum: [...REGIMES] },
    dueOn: { type: 'string', format: 'date' },
    assigneeId: nullableUuid,
    approvalProposedBy: { ...nullableUuid, description: 'Four-eyes: the officer who proposed approval' },
    approvalProposedAt: nullableDateTime,
    denyReason: { type: 'string', enum: [...DENY_REASONS], nullable: true },
    closedAt: nullableDateTime,
  },
};

/** `{ outcome, request, …extra }`: what every action on one request answers. */
export function actionAnswer(outcomes: readonly string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'object',
    required: ['outcome', ...Object.keys(extra), 'request'],
    properties: { outcome: { type: 'string', enum: [...outcomes] }, ...extra, request: requestStateSchema },
  };
}

export const assignBody = {
  type: 'object',
  required: ['officerId'],
  properties: { officerId: { ...nullableUuid, description: 'An active admin or officer; null unassigns' } },
};

export const noteBody = { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 5000 } } };

export const denyBody = {
  type: 'object',
  required: ['reason', 'message'],
  properties: {
    reason: { type: 'string', enum: [...DENY_REASONS] },
    message: { type: 'string', minLength: 1, maxLength: 5000, description: 'To the requester, in the email with the reason and their right to complain' },
  },
};

export const cancelBody = {
  type: 'object',
  properties: {
    note: { type: 'string', minLength: 1, maxLength: 2000, description: 'Internal; never sent to the requester' },
    notifyRequester: { type: 'boolean', default: true },
  },
};

export const retryBody = {
  type: 'object',
  properties: { systemKey: { type: 'string', description: 'Retry only this system; all failed systems when absent' } },
};

export const bulkBody = {
  type: 'object',
  required: ['action', 'requestIds'],
  properties: {
    action: { type: 'string', enum: ['approve', 'deny', 'assign'] },
    requestIds: { type: 'array', items: uuid, minItems: 1, maxItems: 100, uniqueItems: true },
    reason: { type: 'string', enum: [...DENY_REASONS], description: 'deny only (required)' },
    message: { type: 'string', minLength: 1, maxLength: 5000, description: 'deny only (required)' },
    officerId: { ...nullableUuid, description: 'assign only (required; null unassigns)' },
  },
};

export const bulkAnswer = {
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['requestId', 'ok'],
        properties: {
          requestId: uuid,
          ok: { type: 'boolean' },
          outcome: { type: 'string', description: 'When ok: proposed, approved, denied, assigned, unassigned or unchanged' },
          code: { type: 'string', description: 'When not ok: the error code the single action would answer' },
          message: { type: 'string' },
        },
      },
    },
  },
};
