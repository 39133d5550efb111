import { DataMapError, parseDataMap } from './load-datamap';
import { formatDataMapIssue } from './datamap-error';

// One small map that uses every system kind; each case breaks one thing and lists every problem the
// loader must report for it, with the exact place, so a message that drifts to the wrong key fails.
const BASE = `version: 1
systems:
  shop:
    kind: postgres
    title: Shop database
    connection:
      url: { env: SHOP_DATABASE_URL }
    collections:
      customers:
        table: public.customers
        identity: { field: email, kind: email }
        erasure: delete_row
        fields:
          id: { category: account.id }
          email: { category: contact.email, rectifiable: true }
          last_ip: { category: device.ip }
      orders:
        table: orders
        reference: { field: customer_id, to: customers.id }
        fields:
          customer_id: { category: account.id, erasure: set_null }
          total_cents: { category: activity.purchase, erasure: { keep: Tax law } }
  avatars:
    kind: s3
    title: Profile pictures
    connection:
      bucket: shop-avatars
    collections:
      avatars:
        keyTemplate: "avatars/{shop.customers.id}/"
        category: content.media
  crm:
    kind: webhook
    title: CRM
    connection:
      url: https://crm.example.com/privacy
      secret: { env: CRM_WEBHOOK_SECRET }
    identities: [email, shop.customers.id]
    collections:
      contacts:
        fields:
          email: { category: contact.email }
  suppression:
    kind: suppression
    title: Suppression list
`;

function problemsOf(text: string, env?: Record<string, string>): string[] {
  try {
    parseDataMap(text, 'map.yaml', env ? { env } : {});
  } catch (error) {
    if (error instanceof DataMapError) {
      return error.issues.map(formatDataMapIssue);
    }
    throw error;
  }
  throw new Error('expected the data map to be rejected');
}

function swap(from: string, to: string): (base: string) => string {
  return (base) => {
    if (!base.includes(from)) {
      throw new Error(`the base map has no ${JSON.stringify(from)}`);
    }
    return base.replace(from, to);
  };
}

interface Case {
  kind: string;
  edit: (base: string) => string;
  env?: Record<string, string>;
  expected: string[];
}

const CASES: Case[] = [
  {
    kind: 'YAML syntax error',
    edit: swap('    title: Shop database\n', '    title: Shop database\n    title: Shop\n'),
    expected: ['map.yaml:6:5: Map keys must be unique'],
  },
  {
    kind: 'empty file',
    edit: () => '# nothing yet\n',
    expected: ['map.yaml:1:1: the data map is empty; it starts with version: 1 and systems:'],
  },
  {
    kind: 'version other than 1',
    edit: swap('version: 1', 'version: 2'),
    expected: ['map.yaml:1:1 version: must be 1 (the only data map format so far)'],
  },
  {
    kind: 'missing version',
    edit: swap('version: 1\n', ''),
    expected: ['map.yaml:1:1 version: required key "version" is missing; a data map starts with version: 1'],
  },
  {
    kind: 'unknown top-level key with suggestion',
    edit: swap('systems:', 'sytems: {}\nsystems:'),
    expected: ['map.yaml:2:1 sytems: unknown key "sytems" (did you mean "systems"?)'],
  },
  {
    kind: 'invalid system key',
    edit: swap('  avatars:\n    kind: s3', '  Avatars:\n    kind: s3'),
    expected: [
      'map.yaml:23:3 systems.Avatars: name "Avatars" must be lower case letters, digits and _, starting with a letter (at most 63 characters)',
    ],
  },
  {
    kind: 'missing kind',
    edit: swap('    kind: suppression\n', ''),
    expected: [
      'map.yaml:43:3 systems.suppression.kind: required key "kind" is missing; one of postgres, s3, webhook, opendsr, suppression',
    ],
  },
  {
    kind: 'unknown kind with suggestion',
    edit: swap('kind: postgres', 'kind: postgress'),
    expected: [
      'map.yaml:4:5 systems.shop.kind: unknown system kind "postgress" (did you mean "postgres"?); one of postgres, s3, webhook, opendsr, suppression',
    ],
  },
  {
    kind: 'system is not a map',
    edit: swap(
      '  suppression:\n    kind: suppression\n    title: Suppression list\n',
      '  suppression: yes\n',
    ),
    expected: ['map.yaml:43:3 systems.suppression: must be a map, not a string'],
  },
  {
    kind: 'unknown key with suggestion',
    edit: swap('        table: orders\n', '        table: orders\n        primarykey: order_id\n'),
    expected: [
      'map.yaml:19:9 systems.shop.collections.orders.primarykey: unknown key "primarykey" (did you mean "primaryKey"?)',
    ],
  },
  {
    kind: 'missing required key',
    edit: swap('    title: Profile pictures\n', ''),
    expected: ['map.yaml:23:3 systems.avatars.title: required key "title" is missing'],
  },
  {
    kind: 'wrong type',
    edit: swap('    title: CRM\n', '    title: CRM\n    purposes: Marketing\n'),
    expected: ['map.yaml:35:5 systems.crm.purposes: must be a list, not a string'],
  },
  {
    kind: 'number out of range',
    edit: swap('    title: Shop database\n', '    title: Shop database\n    concurrency: 65\n'),
    expected: ['map.yaml:6:5 systems.shop.concurrency: must be at most 64'],
  },
  {
    kind: 'password inline in a postgres URL',
    edit: swap('url: { env: SHOP_DATABASE_URL }', 'url: postgres://shop:hunter2@db.internal/shop'),
    expected: [
      'map.yaml:7:7 systems.shop.connection.url: contains a password: give the URL as { env: SHOP_DATABASE_URL } so the password never sits in the data map',
    ],
  },
  {
    kind: 'config value of the wrong shape',
    edit: swap('url: { env: SHOP_DATABASE_URL }', 'url: { value: SHOP_DATABASE_URL }'),
    expected: ['map.yaml:7:7 systems.shop.connection.url: must be a value or { env: VARIABLE_NAME }'],
  },
  {
    kind: 'environment variable not set',
    edit: (base) => base,
    env: { CRM_WEBHOOK_SECRET: 'x' },
    expected: ['map.yaml:7:7 systems.shop.connection.url: environment variable SHOP_DATABASE_URL is not set'],
  },
  {
    kind: 'invalid table name',
    edit: swap('table: public.customers', 'table: public.customers.v2'),
    expected: [
      'map.yaml:10:9 systems.shop.collections.customers.table: must be a table name or schema.table, e.g. public.customers',
    ],
  },
  {
    kind: 'both identity and reference',
    edit: swap(
      '        table: orders\n',
      '        table: orders\n        identity: { field: customer_id, kind: user_id }\n',
    ),
    expected: [
      'map.yaml:20:9 systems.shop.collections.orders.reference: give either identity or reference, not both',
    ],
  },
  {
    kind: 'neither identity nor reference',
    edit: swap('        reference: { field: customer_id, to: customers.id }\n', ''),
    expected: [
      'map.yaml:17:7 systems.shop.collections.orders: says nowhere how the data subject is found: add identity: (a column holding an email, user id, …) or reference: (a column pointing at another collection)',
    ],
  },
  {
    kind: 'identity field not declared',
    edit: swap(
      'identity: { field: email, kind: email }',
      'identity: [{ field: email, kind: email }, { field: mail, kind: email }]',
    ),
    expected: [
      'map.yaml:11:53 systems.shop.collections.customers.identity[1].field: "mail" is neither a declared field nor the primary key of collection "customers" (did you mean "email"?)',
    ],
  },
  {
    kind: 'identity listed twice',
    edit: swap(
      'identity: { field: email, kind: email }',
      'identity: [{ field: email, kind: email }, { field: email, kind: email }]',
    ),
    expected: [
      'map.yaml:11:51 systems.shop.collections.customers.identity[1]: "email" is already listed as email',
    ],
  },
  {
    kind: 'unknown identity kind',
    edit: swap('kind: email }', 'kind: e-mail }'),
    expected: [
      'map.yaml:11:35 systems.shop.collections.customers.identity.kind: unknown identity kind "e-mail" (did you mean "email"?); one of email, phone, username, user_id',
    ],
  },
  {
    kind: 'reference field not declared',
    edit: swap('field: customer_id, to', 'field: customerid, to'),
    expected: [
      'map.yaml:19:22 systems.shop.collections.orders.reference.field: "customerid" is neither a declared field nor the primary key of collection "orders" (did you mean "customer_id"?)',
    ],
  },
  {
    kind: 'referenced collection missing',
    edit: swap('to: customers.id', 'to: custmers.id'),
    expected: [
      'map.yaml:19:42 systems.shop.collections.orders.reference.to: collection "custmers" does not exist in system "shop" (did you mean "customers"?)',
    ],
  },
  {
    kind: 'referenced field missing',
    edit: swap('to: customers.id', 'to: customers.ids'),
    expected: [
      'map.yaml:19:42 systems.shop.collections.orders.reference.to: "ids" is neither a declared field nor the primary key of collection "customers" (did you mean "id"?)',
    ],
  },
  {
    kind: 'reference cycle',
    edit: swap(
      'identity: { field: email, kind: email }',
      'reference: { field: email, to: orders.customer_id }',
    ),
    expected: [
      'map.yaml:11:9 systems.shop.collections.customers.reference: reference cycle: customers → orders → customers; erasure needs every collection to come before the one it references',
    ],
  },
  {
    kind: 'invalid field name',
    edit: swap('          last_ip:', '          last-ip:'),
    expected: [
      'map.yaml:16:11 systems.shop.collections.customers.fields.last-ip: name "last-ip" must be a column name: letters, digits and _, not starting with a digit (at most 63 characters)',
    ],
  },
  {
    kind: 'unknown data category',
    edit: swap('last_ip: { category: device.ip }', 'last_ip: { category: device.ipaddress }'),
    expected: [
      'map.yaml:16:22 systems.shop.collections.customers.fields.last_ip.category: unknown data category "device.ipaddress" (did you mean "device.ip"?); see the category table in docs/data-map.md',
    ],
  },
  {
    kind: 'unknown erasure action',
    edit: swap('erasure: set_null', 'erasure: nullify'),
    expected: [
      'map.yaml:21:48 systems.shop.collections.orders.fields.customer_id.erasure: unknown erasure action "nullify"; one of delete_row, set_null, hash, anonymize_ip, { replace: <value> } or { keep: "<reason>" }',
    ],
  },
  {
    kind: 'unknown erasure action key',
    edit: swap('erasure: set_null', 'erasure: { replce: x }'),
    expected: [
      'map.yaml:21:48 systems.shop.collections.orders.fields.customer_id.erasure: unknown erasure action "replce" (did you mean "replace"?); one of delete_row, set_null, hash, anonymize_ip, { replace: <value> } or { keep: "<reason>" }',
    ],
  },
  {
    kind: 'keep without a reason',
    edit: swap('{ keep: Tax law }', '{ keep: "" }'),
    expected: [
      'map.yaml:22:66 systems.shop.collections.orders.fields.total_cents.erasure.keep: keep needs the reason the field is kept, e.g. a legal duty',
    ],
  },
  {
    kind: 'replace without a usable value',
    edit: swap('erasure: set_null', 'erasure: { replace: [1] }'),
    expected: [
      'map.yaml:21:59 systems.shop.collections.orders.fields.customer_id.erasure.replace: replace needs a string, number or boolean, e.g. { replace: "[erased]" }',
    ],
  },
  {
    kind: 'both replace and keep',
    edit: swap('{ keep: Tax law }', '{ keep: Tax law, replace: 0 }'),
    expected: [
      'map.yaml:22:55 systems.shop.collections.orders.fields.total_cents.erasure: give one action: { replace: <value> } or { keep: "<reason>" }, not both',
    ],
  },
  {
    kind: 'no erasure action',
    edit: swap(
      'total_cents: { category: activity.purchase, erasure: { keep: Tax law } }',
      'total_cents: { category: activity.purchase }',
    ),
    expected: [
      'map.yaml:22:11 systems.shop.collections.orders.fields.total_cents: has no erasure action: give the field erasure: (delete_row, set_null, hash, anonymize_ip, { replace }, { keep }) or the collection a default erasure:',
    ],
  },
  {
    kind: 'secret and rectifiable',
    edit: swap(
      'email: { category: contact.email, rectifiable: true }',
      'email: { category: contact.email, rectifiable: true, secret: true }',
    ),
    expected: [
      'map.yaml:15:45 systems.shop.collections.customers.fields.email.rectifiable: a secret field cannot be rectifiable: secrets are never shown to the data subject',
    ],
  },
  {
    kind: 'anonymize_ip outside device.ip',
    edit: swap('erasure: set_null', 'erasure: anonymize_ip'),
    expected: [
      'map.yaml:21:48 systems.shop.collections.orders.fields.customer_id.erasure: anonymize_ip only applies to IP addresses (category device.ip), not account.id',
    ],
  },
  {
    kind: 'anonymize_ip inherited from the collection',
    edit: swap('erasure: delete_row', 'erasure: anonymize_ip'),
    expected: [
      "map.yaml:14:11 systems.shop.collections.customers.fields.id: anonymize_ip only applies to IP addresses (category device.ip), not account.id (inherited from the collection's erasure)",
      "map.yaml:15:11 systems.shop.collections.customers.fields.email: anonymize_ip only applies to IP addresses (category device.ip), not contact.email (inherited from the collection's erasure)",
    ],
  },
  {
    kind: 'hash on the primary key',
    edit: swap('id: { category: account.id }', 'id: { category: account.id, erasure: hash }'),
    expected: [
      'map.yaml:14:39 systems.shop.collections.customers.fields.id.erasure: hash is not allowed on the primary key; use delete_row or keep',
    ],
  },
  {
    kind: 'hash on a referenced field',
    edit: (base) =>
      swap(
        'to: customers.id',
        'to: customers.email',
      )(
        swap(
          'email: { category: contact.email, rectifiable: true }',
          'email: { category: contact.email, rectifiable: true, erasure: hash }',
        )(base),
      ),
    expected: [
      'map.yaml:15:64 systems.shop.collections.customers.fields.email.erasure: hash is not allowed on a field that orders.customer_id references: those rows would point at nothing; use delete_row or keep',
    ],
  },
  {
    kind: 'primary key rewritten',
    edit: swap('id: { category: account.id }', 'id: { category: account.id, erasure: { replace: 0 } }'),
    expected: [
      'map.yaml:14:39 systems.shop.collections.customers.fields.id.erasure: the primary key identifies the row: erase it with delete_row or keep it, not replace',
    ],
  },
  {
    kind: 'optOut column not declared',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        optOut:\n          set: { marketing: false }\n',
    ),
    expected: [
      'map.yaml:14:18 systems.shop.collections.customers.optOut.set.marketing: "marketing" is not a declared field of collection "customers"',
    ],
  },
  {
    kind: 'retention period not a duration',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: last_login_at, period: 90 days, action: delete }\n',
    ),
    expected: [
      'map.yaml:13:44 systems.shop.collections.customers.retention.period: "90 days" is not an ISO 8601 duration such as P90D, P3Y, PT12H or P1Y6M',
    ],
  },
  {
    kind: 'retention period zero',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: last_login_at, period: P0D, action: delete }\n',
    ),
    expected: [
      'map.yaml:13:44 systems.shop.collections.customers.retention.period: "P0D" is zero; a period must be longer than that',
    ],
  },
  {
    kind: 'retention anonymize without fields',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: last_login_at, period: P1Y, action: anonymize }\n',
    ),
    expected: [
      'map.yaml:13:57 systems.shop.collections.customers.retention.action: action: anonymize needs an anonymize: map of field → erasure action',
    ],
  },
  {
    kind: 'retention anonymize map with delete',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: last_login_at, period: P1Y, action: delete, anonymize: { last_ip: anonymize_ip } }\n',
    ),
    expected: [
      'map.yaml:13:73 systems.shop.collections.customers.retention.anonymize: only used with action: anonymize',
    ],
  },
  {
    kind: 'retention anonymize field not declared',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: last_login_at, period: P1Y, action: anonymize, anonymize: { lastip: anonymize_ip } }\n',
    ),
    expected: [
      'map.yaml:13:89 systems.shop.collections.customers.retention.anonymize.lastip: "lastip" is not a declared field of collection "customers" (did you mean "last_ip"?)',
    ],
  },
  {
    kind: 'retention anonymize with delete_row',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: last_login_at, period: P1Y, action: anonymize, anonymize: { last_ip: delete_row } }\n',
    ),
    expected: [
      'map.yaml:13:89 systems.shop.collections.customers.retention.anonymize.last_ip: delete_row removes the whole row: use action: delete instead',
    ],
  },
  {
    kind: 'retention condition duration',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: created_at, period: P1Y, action: delete, condition: { field: last_login_at, olderThan: 1Y } }\n',
    ),
    expected: [
      'map.yaml:13:105 systems.shop.collections.customers.retention.condition.olderThan: "1Y" is not an ISO 8601 duration such as P90D, P3Y, PT12H or P1Y6M',
    ],
  },
  {
    kind: 'cron with a bad field',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: created_at, period: P1Y, action: delete, schedule: { cron: "0 25 * * *" } }\n',
    ),
    expected: [
      'map.yaml:13:82 systems.shop.collections.customers.retention.schedule.cron: "25" is not a valid hour (0-23, *, lists, ranges and /steps)',
    ],
  },
  {
    kind: 'unknown time zone',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { field: created_at, period: P1Y, action: delete, schedule: { cron: "0 3 * * *", timezone: Europe/Berln } }\n',
    ),
    expected: [
      'map.yaml:13:101 systems.shop.collections.customers.retention.schedule.timezone: unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?); an IANA name such as UTC or Europe/Berlin',
    ],
  },
  {
    kind: 'two retention rules named after the same action',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention:\n          - { field: created_at, period: P30D, action: anonymize, anonymize: { last_ip: anonymize_ip } }\n          - { field: created_at, period: P90D, action: anonymize, anonymize: { last_ip: set_null } }\n',
    ),
    expected: [
      'map.yaml:15:13 systems.shop.collections.customers.retention[1]: another rule of this collection is already named "anonymize" (a rule without name: is named after its action); give each rule a name: of its own',
    ],
  },
  {
    kind: 'two retention rules with one name',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention:\n          - { name: sweep, field: created_at, period: P30D, action: delete }\n          - { name: sweep, field: created_at, period: P90D, action: delete }\n',
    ),
    expected: [
      'map.yaml:15:15 systems.shop.collections.customers.retention[1].name: another rule of this collection is already named "sweep"; rule names must be unique',
    ],
  },
  {
    kind: 'retention rule named children',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention: { name: children, field: created_at, period: P30D, action: delete }\n',
    ),
    expected: [
      'map.yaml:13:22 systems.shop.collections.customers.retention.name: "children" is the id of the collection\'s children: block; give this rule another name',
    ],
  },
  {
    kind: 'retention rule name not a name',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention:\n          - { name: Sweep, field: created_at, period: P30D, action: delete }\n',
    ),
    expected: [
      'map.yaml:14:15 systems.shop.collections.customers.retention[0].name: must be lower case letters, digits and _, starting with a letter (at most 63 characters)',
    ],
  },
  {
    kind: 'unknown key in a listed retention rule',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        retention:\n          - { field: created_at, period: P30D, action: delete }\n          - { field: created_at, period: P90D, action: delete, legalhold: true }\n',
    ),
    expected: [
      'map.yaml:15:64 systems.shop.collections.customers.retention[1].legalhold: unknown key "legalhold" (did you mean "legalHold"?)',
    ],
  },
  {
    kind: 'empty retention list',
    edit: swap('        erasure: delete_row\n', '        erasure: delete_row\n        retention: []\n'),
    expected: [
      'map.yaml:13:9 systems.shop.collections.customers.retention: must list at least one rule; leave retention out when nothing is deleted on a schedule',
    ],
  },
  {
    kind: 'children on a collection found by reference',
    edit: swap(
      '        reference: { field: customer_id, to: customers.id }\n',
      '        reference: { field: customer_id, to: customers.id }\n        children: { birthDate: born_on }\n',
    ),
    expected: [
      'map.yaml:20:9 systems.shop.collections.orders.children: a child found here could not be identified for the removal request: the collection needs identity: with an email or username column',
    ],
  },
  {
    kind: 'children on a collection found by user id only',
    edit: swap(
      '        identity: { field: email, kind: email }\n',
      '        identity: { field: id, kind: user_id }\n        children: { birthDate: born_on, under: 16 }\n',
    ),
    expected: [
      'map.yaml:12:9 systems.shop.collections.customers.children: a child found here could not be identified for the removal request: the collection needs identity: with an email or username column',
    ],
  },
  {
    kind: 'children age out of range',
    edit: swap(
      '        erasure: delete_row\n',
      '        erasure: delete_row\n        children: { birthDate: born_on, under: 21, schedule: { cron: "0 4 * * *", timezone: Mars/Olympus } }\n',
    ),
    expected: [
      'map.yaml:13:41 systems.shop.collections.customers.children.under: must be at most 18',
      'map.yaml:13:83 systems.shop.collections.customers.children.schedule.timezone: unknown time zone "Mars/Olympus"; an IANA name such as UTC or Europe/Berlin',
    ],
  },
  {
    kind: 'children on an S3 collection',
    edit: swap(
      '        category: content.media\n',
      '        category: content.media\n        children: { birthDate: born_on }\n',
    ),
    expected: [
      'map.yaml:32:9 systems.avatars.collections.avatars.children: only a postgres collection can find accounts by their birth date',
    ],
  },
  {
    kind: 'invalid bucket name',
    edit: swap('bucket: shop-avatars', 'bucket: ab'),
    expected: ['map.yaml:27:7 systems.avatars.connection.bucket: must be 3 to 63 characters long'],
  },
  {
    kind: 'inline S3 secret',
    edit: swap(
      '      bucket: shop-avatars\n',
      '      bucket: shop-avatars\n      accessKeyId: AKIAEXAMPLE\n      secretAccessKey: wJalrXUtnFEMI\n',
    ),
    expected: [
      'map.yaml:29:7 systems.avatars.connection.secretAccessKey: secretAccessKey is a secret: give it as { env: AVATARS_S3_SECRET_ACCESS_KEY } so it never sits in the data map',
    ],
  },
  {
    kind: 'S3 access key without secret',
    edit: swap(
      '      bucket: shop-avatars\n',
      '      bucket: shop-avatars\n      accessKeyId: { env: AVATARS_KEY_ID }\n',
    ),
    expected: [
      "map.yaml:26:5 systems.avatars.connection: give both accessKeyId and secretAccessKey, or neither (then the AWS SDK's default credentials apply)",
    ],
  },
  {
    kind: 'key template without placeholder',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: has no placeholder; without one the prefix would hand every subject\'s objects to each request (e.g. "avatars/{user_id}/")',
    ],
  },
  {
    kind: 'placeholder inside a segment',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/user-{shop.customers.id}/"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: placeholder {shop.customers.id} must fill a whole path segment, e.g. "avatars/{shop.customers.id}/"',
    ],
  },
  {
    kind: 'placeholder as the last segment',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/{shop.customers.id}"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: placeholder {shop.customers.id} must be followed by "/"; otherwise the prefix for 42 would also match 421',
    ],
  },
  {
    kind: 'unknown placeholder',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/{emial}/"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: placeholder {emial} must be an identity kind (email, phone, username, user_id) (did you mean "email"?) or system.collection.field',
    ],
  },
  {
    kind: 'placeholder system missing',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/{shp.customers.id}/"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: key template {shp.customers.id}: system "shp" does not exist (did you mean "shop"?)',
    ],
  },
  {
    kind: 'placeholder system not postgres',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/{crm.contacts.email}/"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: key template {crm.contacts.email}: system "crm" is a webhook system; only fields of postgres systems can key other systems',
    ],
  },
  {
    kind: 'placeholder collection missing',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/{shop.customer.id}/"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: key template {shop.customer.id}: collection "customer" does not exist in system "shop" (did you mean "customers"?)',
    ],
  },
  {
    kind: 'placeholder field missing',
    edit: swap('"avatars/{shop.customers.id}/"', '"avatars/{shop.customers.uid}/"'),
    expected: [
      'map.yaml:30:9 systems.avatars.collections.avatars.keyTemplate: key template {shop.customers.uid}: "uid" is neither a declared field nor the primary key of shop.customers (did you mean "id"?)',
    ],
  },
  {
    kind: 'S3 retention that anonymizes',
    edit: swap(
      '        category: content.media\n',
      '        category: content.media\n        retention: { field: last_modified, period: P1Y, action: anonymize }\n',
    ),
    expected: [
      'map.yaml:32:57 systems.avatars.collections.avatars.retention.action: objects cannot be anonymized; use action: delete',
    ],
  },
  {
    kind: 'S3 retention on another time stamp',
    edit: swap(
      '        category: content.media\n',
      '        category: content.media\n        retention: { field: uploaded_at, period: P1Y, action: delete }\n',
    ),
    expected: [
      "map.yaml:32:22 systems.avatars.collections.avatars.retention.field: an object's only time stamp is last_modified",
    ],
  },
  {
    kind: 'webhook over plain http',
    edit: swap('url: https://crm.example.com/privacy', 'url: http://crm.example.com/privacy'),
    expected: [
      'map.yaml:36:7 systems.crm.connection.url: must be an https:// URL (http:// only for localhost or 127.0.0.1)',
    ],
  },
  {
    kind: 'inline webhook secret',
    edit: swap('secret: { env: CRM_WEBHOOK_SECRET }', 'secret: s3cr3t'),
    expected: [
      'map.yaml:37:7 systems.crm.connection.secret: the signing secret is a secret: give it as { env: CRM_WEBHOOK_SECRET } so it never sits in the data map',
    ],
  },
  {
    kind: 'webhook without identities',
    edit: swap('identities: [email, shop.customers.id]', 'identities: []'),
    expected: ['map.yaml:38:5 systems.crm.identities: must list at least one identity to send'],
  },
  {
    kind: 'webhook opt-out of an unknown kind',
    edit: swap('identities: [email, shop.customers.id]', 'identities: [email, shop.customers.id]\n    optOuts: [marketing, newsletters]'),
    expected: ['map.yaml:39:26 systems.crm.optOuts[1]: must be "marketing" or "sale_sharing"'],
  },
  {
    kind: 'webhook opt-out listed twice',
    edit: swap('identities: [email, shop.customers.id]', 'identities: [email, shop.customers.id]\n    optOuts: [sale_sharing, sale_sharing]'),
    expected: ['map.yaml:39:5 systems.crm.optOuts: lists a kind of opt-out twice'],
  },
  {
    kind: 'webhook identity listed twice',
    edit: swap('identities: [email, shop.customers.id]', 'identities: [email, email]'),
    expected: ['map.yaml:38:25 systems.crm.identities[1]: "email" is listed twice'],
  },
  {
    kind: 'webhook identity not a field',
    edit: swap('identities: [email, shop.customers.id]', 'identities: [email, shop.customers.name]'),
    expected: [
      'map.yaml:38:25 systems.crm.identities[1]: identity {shop.customers.name}: "name" is neither a declared field nor the primary key of shop.customers',
    ],
  },
  {
    kind: 'provider field with an erasure action',
    edit: swap(
      'email: { category: contact.email }\n',
      'email: { category: contact.email, erasure: delete_row }\n',
    ),
    expected: [
      'map.yaml:42:45 systems.crm.collections.contacts.fields.email.erasure: a provider field takes no erasure action: the provider erases its own data when asked',
    ],
  },
  {
    kind: 'suppression system with a connection',
    edit: swap('    title: Suppression list\n', '    title: Suppression list\n    connection: { url: x }\n'),
    expected: [
      'map.yaml:46:5 systems.suppression.connection: a suppression system has no connection: Rightsdesk keeps the list in its own database',
    ],
  },
  {
    kind: 'second suppression system',
    edit: (base) => `${base}  optouts:\n    kind: suppression\n    title: Other list\n`,
    expected: [
      'map.yaml:47:5 systems.optouts.kind: only one suppression system per data map; "suppression" is already one',
    ],
  },
  {
    kind: 'collection left empty',
    edit: swap(
      '      contacts:\n        fields:\n          email: { category: contact.email }\n',
      '      contacts:\n',
    ),
    expected: ['map.yaml:40:7 systems.crm.collections.contacts: must be a map, not an empty value'],
  },
  {
    kind: 'no collections',
    edit: swap(
      '    collections:\n      avatars:\n        keyTemplate: "avatars/{shop.customers.id}/"\n        category: content.media\n',
      '    collections: {}\n',
    ),
    expected: ['map.yaml:28:5 systems.avatars.collections: must declare at least one collection'],
  },
];

describe('parseDataMap problems', () => {
  it('accepts the base map', () => {
    expect(parseDataMap(BASE, 'map.yaml').systems.map((system) => system.key)).toEqual([
      'shop',
      'avatars',
      'crm',
      'suppression',
    ]);
  });

  it.each(CASES)('$kind', ({ edit, env, expected }) => {
    expect(problemsOf(edit(BASE), env)).toEqual(expected);
  });
});
