import { audienceIncludes, decodeJwt } from '../../engine/jwt/decode.ts';
import { describeExpiry } from '../../engine/jwt/numeric-date.ts';

/** Decodes a JWT for reading (no signature check) and compares its audience with the resource. */
export function JwtView({ token, where, resource }: { token: string; where: string; resource?: string }) {
  const decoded = decodeJwt(token);
  if (!decoded) return null;
  const { aud, exp } = decoded.claims;
  const audienceOk = resource ? audienceIncludes(aud, resource) : undefined;
  return (
    <details className="rounded-md border border-violet-200 bg-violet-50 p-2 text-xs" data-testid="jwt-view" open>
      <summary className="cursor-pointer font-semibold text-violet-900">JWT in the {where}: decoded (signature not verified here)</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-semibold">aud</dt>
        <dd className="font-mono [overflow-wrap:anywhere]">
          {JSON.stringify(aud)} {audienceOk === true && <span className="text-emerald-700">✓ matches the resource</span>}
          {audienceOk === false && <span className="font-semibold text-red-700">✕ does not name {resource}</span>}
        </dd>
        {typeof exp === 'number' && (
          <>
            <dt className="font-semibold">exp</dt>
            <dd className="font-mono">{describeExpiry(exp, Date.now())}</dd>
          </>
        )}
      </dl>
      <p className="mt-2 font-semibold">Header</p>
      <pre className="overflow-auto font-mono [overflow-wrap:anywhere] whitespace-pre-wrap">{JSON.stringify(decoded.header, null, 2)}</pre>
      <p className="mt-2 font-semibold">Claims</p>
      <pre className="overflow-auto font-mono [overflow-wrap:anywhere] whitespace-pre-wrap">{JSON.stringify(decoded.claims, null, 2)}</pre>
    </details>
  );
}
