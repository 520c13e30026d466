/** Asked when the resource metadata lists several authorization servers: the choice is the client's. */
export function AuthorizationServerDialog({ issuers, onChoose }: { issuers: string[]; onChoose(issuer: string): void }) {
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" role="dialog" aria-modal="true" aria-labelledby="as-choice-title">
      <div className="max-w-lg rounded-lg bg-white p-4 shadow-xl">
        <h2 id="as-choice-title" className="text-base font-semibold">
          Which authorization server?
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          The protected resource metadata lists {issuers.length} authorization servers. A client picks one; credentials and tokens stay with the server that
          issued them.
        </p>
        <ul className="mt-3 space-y-2">
          {issuers.map((issuer) => (
            <li key={issuer}>
              <button
                type="button"
                onClick={() => onChoose(issuer)}
                className="w-full rounded-md border border-slate-300 px-3 py-2 text-left font-mono text-sm break-all hover:bg-sky-50"
              >
                {issuer}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
