import { verify, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';

// Security guidelines §2: the certificate is checked before the signature — not expired, issued by
// a trusted CA, issued for the processor's domain. Revocation (OCSP/CRL) is not checked.

const MAX_CHAIN = 8;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

let systemRoots: X509Certificate[] | undefined;

/** The CAs Node trusts for TLS, parsed once. */
function defaultRoots(): X509Certificate[] {
  systemRoots ??= rootCertificates.map((pem) => new X509Certificate(pem));
  return systemRoots;
}

/** Every certificate in a PEM text, in order (the processor's first). Throws on a block that does not parse. */
export function parseCertificates(pem: string): X509Certificate[] {
  return (pem.match(PEM_BLOCK) ?? []).slice(0, MAX_CHAIN).map((block) => new X509Certificate(block));
}

export interface TrustSettings {
  /** Extra roots from the data map (a private CA or a pinned certificate); Node's CAs are always trusted. */
  extraRoots: X509Certificate[];
  /** False only in tests of the extra roots alone. */
  systemRoots?: boolean;
}

/**
 * Why the chain cannot vouch for `domain` at `now`, or undefined when it can: the first certificate
 * names the domain, every certificate on the path is within its dates, and the path ends at a
 * trusted root by verified signatures.
 */
export function certificateProblem(chain: X509Certificate[], domain: string, now: Date, trust: TrustSettings): string | undefined {
  const leaf = chain[0];
  if (!leaf) {
    return 'the certificate URL holds no PEM certificate';
  }
  // The security guidelines want the domain among the subject alternative names, not only the CN.
  const matches = isIP(domain) ? leaf.checkIP(domain) !== undefined : leaf.checkHost(domain, { subject: 'never' }) !== undefined;
  if (!matches) {
    return 'the certificate is not issued for the processor domain';
  }
  const roots = [...trust.extraRoots, ...(trust.systemRoots === false ? [] : defaultRoots())];
  let current = leaf;
  for (let depth = 0; depth <= MAX_CHAIN; depth += 1) {
    const dates = datesProblem(current, now);
    if (dates) {
      return dates;
    }
    if (roots.some((root) => root.fingerprint256 === current.fingerprint256)) {
      return undefined;
    }
    const root = roots.find((candidate) => issuedBy(current, candidate));
    if (root) {
      return datesProblem(root, now);
    }
    const intermediate = chain.find((candidate) => candidate !== current && candidate.ca && issuedBy(current, candidate));
    if (!intermediate) {
      return 'the certificate is not issued by a trusted certificate authority';
    }
    current = intermediate;
  }
  return 'the certificate chain is too long';
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function datesProblem(certificate: X509Certificate, now: Date): string | undefined {
  if (now.getTime() < Date.parse(certificate.validFrom)) {
    return 'a certificate in the chain is not valid yet';
  }
  if (now.getTime() > Date.parse(certificate.validTo)) {
    return 'a certificate in the chain has expired';
  }
  return undefined;
}

/** Spec 4.2 and security guidelines §3: a base64 signature over the SHA-256 digest of the exact bytes. */
export function signatureMatches(certificate: X509Certificate, body: Buffer, signature: string | undefined): boolean {
  const compact = signature?.replace(/\s+/g, '') ?? '';
  if (compact === '' || compact.length > 2048 || !BASE64.test(compact)) {
    return false;
  }
  try {
    return verify('sha256', body, certificate.publicKey, Buffer.from(compact, 'base64'));
  } catch {
    return false;
  }
}
