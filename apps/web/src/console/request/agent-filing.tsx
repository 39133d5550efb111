import type { ReactNode } from 'react';
import { formatDateTime, useLocale, useMessages } from '../../i18n/locale';
import type { RequestDetail } from '../console-api-types';
import { agentFilingMessages } from './agent-filing.messages';
import { Facts } from './request-facts';

type Filing = NonNullable<RequestDetail['agent']>;
type Claims = NonNullable<Filing['claims']>;

// An OpenID Connect address: the agent's own formatting when it sent one, else the parts, one per line.
function addressText(address: Record<string, string>): string | null {
  const formatted = address.formatted?.trim();
  if (formatted) {
    return formatted;
  }
  const town = [address.postal_code, address.locality].filter(Boolean).join(' ');
  const lines = [address.street_address, town, address.region, address.country].filter((line): line is string => Boolean(line?.trim()));
  return lines.length > 0 ? lines.join('\n') : null;
}

// DRP has a flag only for email, phone and address; a missing flag means the agent does not say it checked.
function Verification({ verified }: { verified: boolean | undefined }) {
  const m = useMessages(agentFilingMessages);
  return verified === true ? <span className="badge badge-success">{m.verified}</span> : <span className="badge badge-neutral">{m.notVerified}</span>;
}

function ClaimFacts({ claims }: { claims: Claims }) {
  const m = useMessages(agentFilingMessages);
  const rows: Array<[string, ReactNode]> = [];
  if (claims.name) {
    rows.push([m.claims.name, claims.name]);
  }
  if (claims.email) {
    rows.push([
      m.claims.email,
      <>
        <span className="break">{claims.email}</span> <Verification verified={claims.email_verified} />
      </>,
    ]);
  }
  if (claims.phone_number) {
    rows.push([
      m.claims.phone,
      <>
        <span className="nowrap">{claims.phone_number}</span> <Verification verified={claims.phone_number_verified} />
      </>,
    ]);
  }
  const address = claims.address ? addressText(claims.address) : null;
  if (address) {
    rows.push([
      m.claims.address,
      <>
        <span className="pre-wrap">{address}</span> <Verification verified={claims.address_verified} />
      </>,
    ]);
  }
  if (claims.power_of_attorney) {
    rows.push([m.claims.powerOfAttorney, <span className="break">{claims.power_of_attorney}</span>]);
  }
  return rows.length > 0 ? <Facts rows={rows} /> : <p className="muted">{m.noClaims}</p>;
}

// Shown only for a request an authorized agent filed through the Data Rights Protocol, next to the
// requester's own data, so the officer can weigh what the agent vouches for against it.
export function AgentFiling({ filing }: { filing: Filing }) {
  const m = useMessages(agentFilingMessages);
  const { locale } = useLocale();
  const exercise = m.exercises[filing.exercise];
  const rows: Array<[string, ReactNode]> = [
    [
      m.agent,
      <>
        {filing.agentName ?? <span className="muted">{m.noAgentName}</span>} (<span className="reference">{filing.agentId}</span>)
      </>,
    ],
    [
      m.exercise,
      exercise ? (
        <>
          {exercise} (<span className="reference">{filing.exercise}</span>)
        </>
      ) : (
        <span className="reference">{filing.exercise}</span>
      ),
    ],
    [m.agentRequestId, filing.agentRequestId ? <span className="reference">{filing.agentRequestId}</span> : <span className="muted">{m.notGiven}</span>],
    [m.drpRequestId, <span className="reference">{filing.drpRequestId}</span>],
    [m.profile, filing.drpVersion === '1.0.PS' ? m.permissionSlip(filing.drpVersion) : m.version(filing.drpVersion)],
    [m.regime, filing.regime ? <span className="reference">{filing.regime}</span> : m.voluntary],
  ];
  // Relationships are kept with the claims, so they are gone with them once the record is minimized.
  if (filing.relationships.length > 0) {
    rows.push([
      m.relationships,
      <ul className="plain-list">
        {filing.relationships.map((relationship, index) => (
          <li key={index}>{relationship}</li>
        ))}
      </ul>,
    ]);
  } else if (filing.claims) {
    rows.push([m.relationships, <span className="muted">{m.notGiven}</span>]);
  }
  if (filing.revokedAt) {
    rows.push([m.revoked, formatDateTime(filing.revokedAt, locale)]);
  }
  return (
    <section aria-labelledby="agent-filing-title">
      <h2 id="agent-filing-title">{m.heading}</h2>
      <p>{m.intro}</p>
      <Facts rows={rows} />
      <h3>{m.claimsHeading}</h3>
      {filing.claims ? (
        <>
          <p>{m.reliance}</p>
          <ClaimFacts claims={filing.claims} />
        </>
      ) : (
        <p className="muted">{m.claimsErased}</p>
      )}
    </section>
  );
}
