import { z } from 'zod';
import { REQUEST_STATUSES, REQUEST_TYPES, intakeSchema } from '@rightsdesk/domain';

type Schema = Record<string, unknown>;

// The OpenAPI schemas come from the same zod schema that validates, so the document (and the
// typed client generated from it) cannot drift from what the server accepts.
export const intakeRequestSchema = z.toJSONSchema(intakeSchema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Schema;

export const receiptSchema: Schema = {
  type: 'object',
  required: ['reference', 'status', 'message'],
  properties: {
    reference: { type: 'string', example: 'RD-7K2M-9QXW-4HTN-P3VA' },
    status: { type: 'string', enum: ['pending_verification', 'approved'], description: '`approved`: a sale/sharing-only opt-out, which needs no confirmation' },
    message: { type: 'string' },
  },
};

export const verificationResultSchema: Schema = {
  type: 'object',
  required: ['outcome', 'reference', 'status'],
  properties: {
    outcome: { type: 'string', enum: ['verified', 'already_verified'] },
    reference: { type: 'string' },
    status: { type: 'string', enum: [...REQUEST_STATUSES], description: 'The request status now' },
    statusToken: { type: 'string', description: 'Only on first verification; reads the status.' },
  },
};

export const publicStatusSchema: Schema = {
  type: 'object',
  required: ['reference', 'type', 'status', 'receivedOn', 'dueOn', 'dueExplanation', 'language', 'openQuestion', 'timeline', 'gpc'],
  properties: {
    reference: { type: 'string' },
    type: { type: 'string', enum: [...REQUEST_TYPES] },
    status: { type: 'string', enum: [...REQUEST_STATUSES] },
    receivedOn: { type: 'string', format: 'date' },
    dueOn: { type: 'string', format: 'date' },
    dueExplanation: { type: 'string', example: 'due 2026-12-25: GDPR Art. 12(3), one month from receipt on 2026-11-25' },
    language: { type: 'string' },
    openQuestion: { type: 'string', nullable: true, description: 'While on hold: what the privacy team asked; answer with POST /api/v1/requests/{reference}/replies' },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'event', 'status'],
        properties: {
          at: { type: 'string', format: 'date-time' },
          event: { type: 'string', enum: ['received', 'verification_resent', 'verified', 'expired', 'status_changed', 'deadline_extended', 'information_requested', 'information_received'] },
          status: { type: 'string', enum: [...REQUEST_STATUSES], nullable: true, description: 'The status the event led to, if it changed it' },
        },
      },
    },
    gpc: {
      type: 'object',
      nullable: true,
      required: ['honouredAt'],
      description: "Set once the requester's Global Privacy Control signal was honoured as an opt-out of sale/sharing (11 CCR §7025)",
      properties: { honouredAt: { type: 'string', format: 'date-time' } },
    },
  },
};

export const INTAKE_EXAMPLES = {
  access: {
    summary: 'See my data (GDPR)',
    value: { type: 'access', email: 'ada@example.com', name: 'Ada Lovelace', country: 'DE', language: 'de' },
  },
  rectification: {
    summary: 'Correct my data',
    value: {
      type: 'rectification',
      email: 'ada@example.com',
      country: 'GB',
      details: { corrections: [{ field: 'billing address', newValue: '12 St James Square, London' }], explanation: 'I moved.' },
    },
  },
  erasure: { summary: 'Withdraw (delete) my data (California)', value: { type: 'erasure', email: 'ada@example.com', country: 'US', region: 'CA' } },
  opt_out: {
    summary: 'Stop promotional emails and notifications',
    value: { type: 'opt_out', email: 'ada@example.com', country: 'US', region: 'VA', details: { channels: ['email', 'notifications'] } },
  },
  child_data_removal: {
    summary: "Remove a child's data (parent or guardian)",
    value: {
      type: 'child_data_removal',
      email: 'parent@example.com',
      country: 'US',
      region: 'NY',
      details: { child: { username: 'skater2015' }, relationship: 'parent', childAge: 11 },
    },
  },
};
