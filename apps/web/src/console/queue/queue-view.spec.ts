/// <reference types="jest" />
import { apiQuery, firstPage, nextPage, previousPage, queueHref, readQueueView } from './queue-view';

const read = (search: string) => readQueueView(new URLSearchParams(search));

describe('queue view in the URL', () => {
  it('reads the defaults from an empty query and writes them as the bare path', () => {
    const view = read('');
    expect(view).toEqual({ tab: 'review', sort: 'due', overdue: false, onHold: false, back: [], type: undefined, regime: undefined, assignee: undefined, verified: undefined, dueBefore: undefined, q: undefined, cursor: undefined });
    expect(queueHref(view)).toBe('/console/requests');
  });

  it('round-trips every filter', () => {
    const search = 'tab=all&q=RD-1234&type=erasure&regime=gdpr&assignee=me&verified=false&overdue=true&onHold=true&dueBefore=2026-12-31&sort=received';
    const view = read(search);
    expect(view).toMatchObject({ tab: 'all', q: 'RD-1234', type: 'erasure', regime: 'gdpr', assignee: 'me', verified: false, overdue: true, onHold: true, dueBefore: '2026-12-31', sort: 'received' });
    expect(queueHref(view)).toBe(`/console/requests?${search}`);
  });

  it('drops values that are not ours instead of sending them to the api', () => {
    expect(read('tab=nope&type=delete&regime=mars&assignee=bob&verified=maybe&dueBefore=2026-02-30&sort=name&cursor=%3Cscript%3E')).toMatchObject({
      tab: 'review',
      type: undefined,
      regime: undefined,
      assignee: undefined,
      verified: undefined,
      dueBefore: undefined,
      sort: 'due',
      cursor: undefined,
    });
    expect(read('assignee=0b7c6f1e-9d2a-4c3b-8e1f-2a3b4c5d6e7f').assignee).toBe('0b7c6f1e-9d2a-4c3b-8e1f-2a3b4c5d6e7f');
  });

  it('pages forward and back through the cursors it kept', () => {
    const first = read('type=access');
    const second = nextPage(first, 'eyJhIjoxfQ');
    const third = nextPage(second, 'eyJhIjoyfQ');
    expect(queueHref(third)).toBe('/console/requests?type=access&cursor=eyJhIjoyfQ&back=0.eyJhIjoxfQ');
    const restored = read(new URL(`http://x${queueHref(third)}`).search);
    expect(previousPage(restored)).toEqual(second);
    expect(queueHref(previousPage(previousPage(restored)))).toBe('/console/requests?type=access');
    expect(firstPage(third)).toMatchObject({ cursor: undefined, back: [] });
  });

  it('asks the api for the statuses of the tab, and for all of them on the all tab', () => {
    expect(apiQuery(read('tab=running&overdue=true&verified=true'), 25)).toEqual({ sort: 'due', limit: '25', status: 'approved,in_progress', overdue: 'true', verified: 'true' });
    expect(apiQuery(read('tab=all&q=a@example.com'), 10)).toEqual({ sort: 'due', limit: '10', q: 'a@example.com' });
  });
});
