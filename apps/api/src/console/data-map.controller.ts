import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DATA_CATEGORY_NAMES, OFFICER_ROLES } from '@rightsdesk/domain';
import { Roles } from '@rightsdesk/platform';
import { DataMapProvider, type DataMapView, dataMapView } from '@rightsdesk/workflow';
import { ErrorBody } from '../http/error-body';

const SYSTEM_KINDS = ['postgres', 's3', 'webhook', 'opendsr', 'suppression'];
const ERASURE_ACTIONS = ['delete_row', 'set_null', 'replace', 'hash', 'anonymize_ip', 'keep'];
const scalar = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true };

const erasureSchema = {
  type: 'object',
  required: ['action', 'value', 'reason'],
  properties: {
    action: { type: 'string', enum: ERASURE_ACTIONS },
    value: { ...scalar, description: 'The replacement, for replace' },
    reason: { type: 'string', nullable: true, description: 'Why it is kept, for keep' },
  },
};

const fieldSchema = {
  type: 'object',
  required: ['name', 'category', 'description', 'rectifiable', 'secret', 'erasure'],
  properties: {
    name: { type: 'string' },
    category: { type: 'string', enum: DATA_CATEGORY_NAMES },
    description: { type: 'string', nullable: true },
    rectifiable: { type: 'boolean' },
    secret: { type: 'boolean', description: 'Held but never exported (password hashes, tokens)' },
    erasure: erasureSchema,
  },
};

const scheduleSchema = {
  type: 'object',
  nullable: true,
  required: ['cron', 'timezone'],
  properties: { cron: { type: 'string' }, timezone: { type: 'string' } },
};

const retentionRuleSchema = {
  type: 'object',
  required: ['id', 'name', 'field', 'period', 'action', 'anonymize', 'condition', 'legalHold', 'schedule'],
  properties: {
    id: { type: 'string', description: 'system.collection.rule: retention runs and holds name the rule by it', example: 'shop.page_views.anonymize' },
    name: { type: 'string', description: 'Unique within the collection; the action unless the data map names it' },
    field: { type: 'string' },
    period: { type: 'string', description: 'ISO 8601 duration', example: 'P90D' },
    action: { type: 'string', enum: ['delete', 'anonymize'] },
    anonymize: {
      type: 'array',
      items: { type: 'object', required: ['field', 'erasure'], properties: { field: { type: 'string' }, erasure: erasureSchema } },
    },
    condition: {
      type: 'object',
      nullable: true,
      required: ['field', 'olderThan'],
      properties: { field: { type: 'string' }, olderThan: { type: 'string' } },
    },
    legalHold: { type: 'boolean' },
    schedule: { ...scheduleSchema, description: 'null: the rule runs at RETENTION_CRON' },
  },
};

const childrenSchema = {
  type: 'object',
  nullable: true,
  description: 'postgres: accounts younger than `under` by their declared birth date become child_data_removal requests for review',
  required: ['id', 'birthDate', 'under', 'schedule'],
  properties: {
    id: { type: 'string', example: 'shop.customers.children' },
    birthDate: { type: 'string', description: 'The column holding the declared date of birth' },
    under: { type: 'integer', minimum: 1, maximum: 18 },
    schedule: { ...scheduleSchema, description: 'null: the check runs at RETENTION_CRON' },
  },
};

const collectionSchema = {
  type: 'object',
  required: ['name', 'description', 'table', 'category', 'subject', 'fields', 'optOut', 'retention', 'children'],
  properties: {
    name: { type: 'string' },
    description: { type: 'string', nullable: true },
    table: { type: 'string', nullable: true, description: 'postgres: schema.table' },
    category: { type: 'string', enum: DATA_CATEGORY_NAMES, nullable: true, description: 's3: the category of every object' },
    subject: {
      type: 'object',
      required: ['by', 'identities', 'reference', 'keyTemplate'],
      properties: {
        by: { type: 'string', enum: ['identity', 'reference', 'key_template', 'provider', 'suppression'] },
        identities: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'kind'],
            properties: { field: { type: 'string', nullable: true }, kind: { type: 'string', description: 'An identity kind, or system.collection.field' } },
          },
        },
        reference: {
          type: 'object',
          nullable: true,
          required: ['field', 'collection', 'toField'],
          properties: { field: { type: 'string' }, collection: { type: 'string' }, toField: { type: 'string' } },
        },
        keyTemplate: { type: 'string', nullable: true },
      },
    },
    fields: { type: 'array', items: fieldSchema },
    optOut: {
      type: 'array',
      items: { type: 'object', required: ['field', 'value'], properties: { field: { type: 'string' }, value: scalar } },
    },
    retention: { type: 'array', items: retentionRuleSchema, description: 'In data map order; empty when none is declared' },
    children: childrenSchema,
  },
};

const systemSchema = {
  type: 'object',
  required: ['key', 'title', 'kind', 'description', 'purposes', 'recipients', 'collections', 'eraseOrder'],
  properties: {
    key: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string', enum: SYSTEM_KINDS },
    description: { type: 'string', nullable: true },
    purposes: { type: 'array', items: { type: 'string' } },
    recipients: { type: 'array', items: { type: 'string' } },
    collections: { type: 'array', items: collectionSchema },
    eraseOrder: { type: 'array', items: { type: 'string' }, description: 'postgres: collections in erase order, children first' },
  },
};

// What the company holds where, for every role: the declarations only. Connection settings
// (URLs, buckets, credentials, the names of the variables holding them) are never part of the view.
@ApiTags('console: data map')
@Roles(...OFFICER_ROLES)
@Controller('api/v1/console/data-map')
export class DataMapController {
  constructor(private readonly dataMap: DataMapProvider) {}

  @Get()
  @ApiOperation({
    summary: 'The data map as declared: systems, collections, fields, erasure and retention rules',
    description: 'Never connection strings, credentials or environment variable names or values.',
  })
  @ApiResponse({
    status: 200,
    schema: { type: 'object', required: ['sha256', 'systems'], properties: { sha256: { type: 'string' }, systems: { type: 'array', items: systemSchema } } },
  })
  @ApiResponse({ status: 401, description: 'unauthorized', type: ErrorBody })
  @ApiResponse({ status: 409, description: 'no_data_map: none is configured (DATAMAP_PATH)', type: ErrorBody })
  get(): DataMapView {
    return dataMapView(this.dataMap.get());
  }
}
