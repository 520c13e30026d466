import type { RelayEndpoint } from '../../engine/relay/relay-endpoint.ts';
import type { RegistrationMode } from '../../engine/model/session.ts';
import { RelayModeSwitch } from '../../ui/RelayModeSwitch.tsx';
import type { ConnectValues } from './connect-values.ts';

const MODES: Array<{ value: RegistrationMode; label: string }> = [
  { value: 'auto', label: 'Auto (spec order)' },
  { value: 'pre-registered', label: 'Pre-registered client' },
  { value: 'cimd', label: 'Client ID Metadata Document' },
  { value: 'dcr', label: 'Dynamic registration' },
];

const field = 'mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 disabled:bg-slate-100';
const label = 'flex flex-col text-xs font-medium text-slate-600';

/** Registration and scope choices: defaults follow the spec; anything else is the user's explicit choice. */
export function SettingsPanel({
  values,
  onChange,
  disabled,
  relay,
}: {
  values: ConnectValues;
  onChange(values: ConnectValues): void;
  disabled: boolean;
  relay: RelayEndpoint | null;
}) {
  const registration = values.registration;
  const setRegistration = (patch: Partial<ConnectValues['registration']>) => onChange({ ...values, registration: { ...registration, ...patch } });
  const wantsClientId = registration.mode === 'auto' || registration.mode === 'pre-registered';
  const wantsMetadataUrl = registration.mode === 'auto' || registration.mode === 'cimd';
  return (
    <fieldset className="mt-3 grid grid-cols-1 gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 md:grid-cols-3 xl:grid-cols-6" disabled={disabled}>
      <legend className="px-1 text-xs font-semibold text-slate-700">Client settings</legend>
      <label className={label}>
        Registration
        <select
          name="registration"
          className={field}
          value={registration.mode}
          onChange={(event) => setRegistration({ mode: event.target.value as RegistrationMode })}
        >
          {MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      </label>
      {wantsClientId && (
        <>
          <label className={label}>
            Client id {registration.mode === 'auto' && <span className="font-normal text-slate-500">(optional)</span>}
            <input
              name="client-id"
              className={`${field} font-mono`}
              autoComplete="off"
              spellCheck={false}
              value={registration.clientId ?? ''}
              onChange={(event) => setRegistration({ clientId: event.target.value })}
            />
          </label>
          <label className={label}>
            Issued by <span className="font-normal text-slate-500">(optional issuer: 2026-07-28 refuses to send it elsewhere)</span>
            <input
              name="client-issuer"
              className={`${field} font-mono`}
              autoComplete="off"
              spellCheck={false}
              placeholder="https://auth.example.com"
              value={registration.issuer ?? ''}
              onChange={(event) => setRegistration({ issuer: event.target.value })}
            />
          </label>
          <label className={label}>
            Client secret <span className="font-normal text-slate-500">(optional, never stored)</span>
            <input
              name="client-secret"
              type="password"
              className={`${field} font-mono`}
              autoComplete="off"
              value={registration.clientSecret ?? ''}
              onChange={(event) => setRegistration({ clientSecret: event.target.value })}
            />
          </label>
        </>
      )}
      {wantsMetadataUrl && (
        <label className={`${label} xl:col-span-2`}>
          Client metadata document URL (CIMD) {registration.mode === 'auto' && <span className="font-normal text-slate-500">(optional)</span>}
          <input
            name="client-metadata-url"
            className={`${field} font-mono`}
            autoComplete="off"
            spellCheck={false}
            placeholder="https://app.example.com/oauth/client.json"
            value={registration.clientMetadataUrl ?? ''}
            onChange={(event) => setRegistration({ clientMetadataUrl: event.target.value })}
          />
        </label>
      )}
      <div className="md:col-span-3 xl:col-span-6">
        <RelayModeSwitch relay={relay} checked={!!values.viaRelay} onChange={(viaRelay) => onChange({ ...values, viaRelay })} disabled={disabled} />
      </div>
      <label className={label}>
        Scope override <span className="font-normal text-slate-500">(off-spec; empty follows the spec)</span>
        <input
          name="scope"
          className={`${field} font-mono`}
          autoComplete="off"
          spellCheck={false}
          placeholder="from the challenge"
          value={values.scopeOverride}
          onChange={(event) => onChange({ ...values, scopeOverride: event.target.value })}
        />
      </label>
    </fieldset>
  );
}
