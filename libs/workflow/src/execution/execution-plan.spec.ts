import { parseDataMap } from '@rightsdesk/connectors';
import { participatingSystems } from './execution-plan';

// A newsletter tool that only sends promotions, an ad partner we share data with, and the list.
const MAP = `version: 1
systems:
  newsletter:
    kind: webhook
    title: Newsletter tool
    connection:
      url: https://newsletter.example/privacy
      secret: { env: NEWSLETTER_SECRET }
    identities: [email]
    collections:
      subscribers:
        fields:
          email: { category: contact.email }
  ads:
    kind: webhook
    title: Ad partner
    connection:
      url: https://ads.example/privacy
      secret: { env: ADS_SECRET }
    identities: [email]
    optOuts: [sale_sharing]
    collections:
      audiences:
        fields:
          email: { category: contact.email }
  suppression:
    kind: suppression
    title: Suppression list
`;

describe('which systems an opt-out reaches', () => {
  const map = parseDataMap(MAP, 'datamap.yaml');
  const keys = (channels?: Parameters<typeof participatingSystems>[3]) => participatingSystems(map, 'opt_out', undefined, channels).map((s) => s.key);

  it.each([
    [['sale_sharing'], ['ads', 'suppression']],
    [['email'], ['newsletter', 'suppression']],
    [['all'], ['newsletter', 'ads', 'suppression']],
    [undefined, ['newsletter', 'suppression']],
  ] as const)('%p reaches %p', (channels, expected) => {
    expect(keys(channels as never)).toEqual(expected);
  });
});
