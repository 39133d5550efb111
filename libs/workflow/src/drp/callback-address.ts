import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Status callbacks go to URLs an agent chose. An agent is vetted, but its URL must still not turn
// our worker into a client of the company's internal network (SSRF): loopback, private, link-local
// (cloud metadata), carrier-grade NAT, unique-local and the like are refused, for literal addresses
// in the URL and for whatever a host name resolves to at the moment of connecting.
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** True for an IP address that is not on the public internet (a host name is not an address: false). */
export function isNonPublicAddress(host: string): boolean {
  const family = isIP(host);
  if (family === 0) {
    return false;
  }
  // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) reaches the IPv4 address it carries. (Node's
  // BlockList would match every IPv4 address against a ::ffff:0:0/96 rule, so it is unwrapped.)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host);
  if (mapped) {
    return NON_PUBLIC.check(mapped[1], 'ipv4');
  }
  // The same in hex, as URL parsing writes it: [::ffff:127.0.0.1] becomes [::ffff:7f00:1].
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(host);
  if (hex) {
    const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return NON_PUBLIC.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return NON_PUBLIC.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A `lookup` for node:http(s) that refuses non-public addresses, so the address checked is the
 * address connected to (no second resolution an attacker's DNS could answer differently).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    const list = addresses as Array<{ address: string; family: number }>;
    const refused = list.find((a) => isNonPublicAddress(a.address));
    if (refused || list.length === 0) {
      callback(Object.assign(new Error('the status callback host resolves to a non-public address'), { code: 'callback_address_refused' }), '', 0);
      return;
    }
    if (options.all) {
      (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      return;
    }
    callback(null, list[0].address, list[0].family);
  });
};
