/** The diagram's place before any run: what to do first. */
export function EmptyState() {
  return (
    <div className="flex h-full items-center justify-center p-8 text-center text-slate-600">
      <div className="max-w-md space-y-2">
        <p className="text-base font-semibold text-slate-800">Point it at an MCP server and press Run all.</p>
        <p className="text-sm">
          Every request of the authorization flow appears here as an arrow, from the first 401 to the authenticated tools list. Use Next step to go one request
          at a time.
        </p>
      </div>
    </div>
  );
}
