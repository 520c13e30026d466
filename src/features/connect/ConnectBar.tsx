import { useId, useState } from 'react';
import { redactUrlCredentials } from '../../engine/report/redact.ts';
import { SPEC_VERSIONS, type SpecVersion } from '../../engine/spec/versions.ts';
import type { RelayEndpoint } from '../../engine/relay/relay-endpoint.ts';
import type { ConnectValues } from './connect-values.ts';
import { SettingsPanel } from './SettingsPanel.tsx';

interface Props {
  values: ConnectValues;
  onChange(values: ConnectValues): void;
  onRunAll(): void;
  onNext(): void;
  onReset(): void;
  busy: boolean;
  canContinue: boolean;
  shareLink: string;
  relay: RelayEndpoint | null;
  /** The file the server URL was taken from by an import, while the URL is still that one. */
  serverSource?: string;
  /** Presenter mode: credentials in the server URL are not shown. */
  maskCredentials?: boolean;
}

/** The form at the top: which server, which spec version, and the three controls. */
export function ConnectBar({ values, onChange, onRunAll, onNext, onReset, busy, canContinue, shareLink, relay, serverSource, maskCredentials = false }: Props) {
  const [copied, setCopied] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const serverSourceId = useId();
  const maskedNoteId = useId();
  // A URL's userinfo and credential-like query values (`?api_key=…`) are redacted as in a shared
  // link; the masked text cannot be edited back into the real URL, so the field is read-only then.
  const shownServer = maskCredentials ? redactUrlCredentials(values.server) : values.server;
  const masked = shownServer !== values.server;
  const describedBy = [serverSource !== undefined && serverSourceId, masked && maskedNoteId].filter(Boolean).join(' ');
  const copyLink = async () => {
    await navigator.clipboard?.writeText(shareLink).catch(() => undefined);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onRunAll();
      }}
    >
      <label className="flex min-w-[18rem] flex-1 flex-col text-xs font-medium text-slate-600">
        MCP server URL
        <input
          name="server"
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200"
          value={shownServer}
          readOnly={masked}
          onChange={(event) => onChange({ ...values, server: event.target.value })}
          placeholder="https://example.com/mcp"
          disabled={busy}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        />
        {masked && (
          <span id={maskedNoteId} className="mt-1 font-normal text-indigo-800" data-testid="server-masked">
            Credentials hidden in presenter mode: leave presenter mode to edit the URL.
          </span>
        )}
        {serverSource !== undefined && (
          // A description of the field, not part of its name ("MCP server URL").
          <span id={serverSourceId} aria-hidden="true" className="mt-1 font-normal text-amber-800" data-testid="server-source">
            Server URL taken from the imported file {serverSource}: check it before Run all.
          </span>
        )}
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Spec version
        <select
          name="spec"
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm text-slate-900"
          value={values.spec}
          onChange={(event) => onChange({ ...values, spec: event.target.value as SpecVersion | 'auto' })}
          disabled={busy}
        >
          <option value="auto">Auto (probe the server)</option>
          {[...SPEC_VERSIONS].reverse().map((version) => (
            <option key={version} value={version}>
              {version}
              {version === SPEC_VERSIONS.at(-1) ? ' (latest)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-24 flex-col text-xs font-medium text-slate-600">
        Timeout (s)
        <input
          name="timeout"
          type="number"
          min={1}
          max={300}
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm text-slate-900"
          value={values.timeoutSeconds}
          onChange={(event) => onChange({ ...values, timeoutSeconds: clampTimeout(Number(event.target.value)) })}
          disabled={busy}
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white shadow hover:bg-sky-800 disabled:opacity-50"
          disabled={busy}
        >
          ▶ {canContinue ? 'Run the rest' : 'Run all'}
        </button>
        <button
          type="button"
          className="rounded-md border border-sky-700 bg-white px-4 py-2 text-sm font-semibold text-sky-800 hover:bg-sky-50 disabled:opacity-50"
          onClick={onNext}
          disabled={busy}
        >
          Next step
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          onClick={onReset}
        >
          ↺ Reset
        </button>
        <button type="button" className="rounded-md px-3 py-2 text-sm text-slate-600 underline-offset-2 hover:underline" onClick={copyLink} title={shareLink}>
          {copied ? 'Link copied' : 'Copy link'}
        </button>
        <button
          type="button"
          aria-expanded={showSettings}
          className="rounded-md px-3 py-2 text-sm text-slate-600 underline-offset-2 hover:underline"
          onClick={() => setShowSettings((shown) => !shown)}
        >
          {showSettings ? 'Hide settings' : 'Settings'}
        </button>
      </div>
      {showSettings && (
        <div className="basis-full">
          <SettingsPanel values={values} onChange={onChange} disabled={busy} relay={relay} />
        </div>
      )}
    </form>
  );
}

function clampTimeout(value: number): number {
  if (!Number.isFinite(value)) return 15;
  return Math.min(300, Math.max(1, Math.round(value)));
}
