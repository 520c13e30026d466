import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { AuthorizationServerDialog } from '../features/connect/AuthorizationServerDialog.tsx';
import { ConnectBar } from '../features/connect/ConnectBar.tsx';
import { toFlowSettings } from '../features/connect/connect-values.ts';
import { ScenarioBanner } from '../features/scenarios/ScenarioBanner.tsx';
import { ScenarioPicker } from '../features/scenarios/ScenarioPicker.tsx';
import { usePresenterKeys } from '../features/presenter/use-presenter-keys.ts';
import { FindingsPanel } from '../features/findings/FindingsPanel.tsx';
import { ToolsList } from '../features/tools/ToolsList.tsx';
import { NetworkTable } from '../features/network/NetworkTable.tsx';
import { ImportedNotice } from '../features/export/ImportedNotice.tsx';
import type { ImportedTrace } from '../features/export/imported-trace.ts';
import { appBaseUrl } from '../ui/app-base.ts';
import { useDemoConfig } from '../ui/demo-config.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { RelayStatus } from '../ui/RelayStatus.tsx';
import { isHttpsPage } from '../ui/relay-status-text.ts';
import { pairingLinkOnLoad, usePairedRelay } from '../ui/use-paired-relay.ts';
import { EmptyState } from './EmptyState.tsx';
import { Inspector } from './Inspector.tsx';
import { readPageAddress } from './page-address.ts';
import { RunState } from './RunState.tsx';
import { SidePanel, sideTabId } from './SidePanel.tsx';
import { TraceMenu } from './TraceMenu.tsx';
import { useConnectValues } from './use-connect-values.ts';
import { usePresenter } from './use-presenter.ts';
import { useSelection } from './use-selection.ts';
import { useShownSession } from './use-shown-session.ts';

const address = readPageAddress(window.location.search);
// A pairing link (`#relay=…&secret=…`) is read, and taken out of the address, before anything renders.
const pairingLink = pairingLinkOnLoad();

// React Flow is the largest dependency and is needed only once a run starts, so it loads then
// (or as soon as the pointer or focus reaches the controls), keeping the first load small.
const loadDiagram = () => import('../features/diagram/SequenceDiagram.tsx');
const SequenceDiagram = lazy(async () => ({ default: (await loadDiagram()).SequenceDiagram }));

/** The page's layout; which session it shows, and how, is decided by useShownSession. */
export function App() {
  const demo = useDemoConfig();
  const paired = usePairedRelay(pairingLink);
  /** A relay this tab was paired with, else the demo's (npm start), else none. */
  const relay = paired.pairing ?? demo.data?.relay ?? null;
  const { values, setValues, shareLink, adopt, serverSource, scenario } = useConnectValues(address.link, demo.data);
  const { presenter, togglePresenter } = usePresenter(address.presenter);
  const { selection, select, highlight, open, tab, setTab, showOutcome, showFirstError, outcomeFocus, selectPreviousStep } = useSelection();
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  // When a run ends, focus lands on its outcome line rather than dropping to <body>.
  useEffect(() => {
    if (outcomeFocus) outcomeRef.current?.focus();
  }, [outcomeFocus]);
  /** Why an import was refused. */
  const [notice, setNotice] = useState<string | null>(null);
  const shown = useShownSession({
    address,
    relay,
    configRead: !demo.isPending,
    settings: () => toFlowSettings(values, appBaseUrl()),
    hasServer: values.server !== '',
    presenter,
    adopt,
    onOutcome: showOutcome,
  });
  const { session, imported, flow } = shown;
  const tools = session?.learned.tools;

  const reset = () => {
    shown.reset();
    setNotice(null);
    select(null);
  };
  const openImported = (trace: ImportedTrace) => {
    setNotice(null);
    shown.openImported(trace);
  };
  /** Presenter keys: → next step, ← previous step, R reset. */
  usePresenterKeys(presenter, { next: () => !flow.busy && shown.next(), previous: () => selectPreviousStep(flow.session?.steps ?? []), reset });

  return (
    <div className="flex h-full flex-col" data-presenter={presenter || undefined}>
      {/* The diagram holds many focusable arrows; keyboard users can go straight to the details. */}
      <a
        href={`#${sideTabId(tab)}`}
        onClick={(event) => {
          event.preventDefault();
          document.getElementById(sideTabId(tab))?.focus();
        }}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-semibold focus:text-sky-800 focus:shadow-lg"
      >
        Skip the diagram: go to the details panel
      </a>
      <header className="border-b border-slate-200 bg-white px-4 py-3">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h1 className="text-lg font-bold text-slate-900">MCP Auth Flow</h1>
          <p className="text-sm text-slate-600">The client side of MCP authorization, run in your browser, one request at a time.</p>
          <p className="ml-auto text-xs text-slate-500" data-testid="demo-status">
            {demo.data
              ? `Demo servers running: MCP ${demo.data.mcpServerUrl} · AS ${demo.data.authorizationServerUrl}`
              : demo.isLoading
                ? ''
                : 'No demo servers here: enter any MCP server URL.'}
          </p>
          <TraceMenu session={shown.recorded} onImport={openImported} onError={setNotice} />
          {demo.data?.scenarios && <ScenarioPicker scenarios={demo.data.scenarios} {...(scenario ? { current: scenario.id } : {})} />}
          <button
            type="button"
            aria-pressed={presenter}
            onClick={togglePresenter}
            title="Large type, high contrast, secrets masked. Keys: → next step, ← previous, R reset."
            className={`rounded-md border px-2 py-1 text-xs font-semibold ${presenter ? 'border-indigo-700 bg-indigo-700 text-white' : 'border-slate-300 text-slate-700 hover:bg-slate-100'}`}
          >
            Presenter mode
          </button>
        </div>
        <div className="mt-3" onPointerEnter={() => void loadDiagram()} onFocusCapture={() => void loadDiagram()}>
          <ErrorBoundary view="the connect form">
            <ConnectBar
              values={values}
              onChange={setValues}
              onRunAll={shown.runAll}
              onNext={shown.next}
              onReset={reset}
              busy={flow.busy}
              canContinue={!!session && session.status !== 'done' && session.status !== 'failed' && session.steps.some((step) => step.status !== 'pending')}
              shareLink={shareLink}
              relay={relay}
              maskCredentials={presenter}
              {...(serverSource !== undefined ? { serverSource } : {})}
            />
          </ErrorBoundary>
        </div>
        {scenario && <ScenarioBanner scenario={scenario} />}
        {(paired.pairing || paired.refused || (!demo.isPending && !demo.data?.relay)) && (
          <RelayStatus
            pairing={paired.pairing}
            refused={paired.refused}
            onUnpair={paired.unpair}
            offer={paired.offer}
            onAcceptOffer={paired.acceptOffer}
            onDeclineOffer={paired.declineOffer}
            origin={window.location.origin}
            httpsPage={isHttpsPage()}
          />
        )}
        {notice && (
          <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-1.5 text-sm text-red-900" data-testid="notice">
            {notice}
          </p>
        )}
        {imported && <ImportedNotice trace={imported} />}
        {session && !imported && (
          <RunState
            session={session}
            continuable={flow.continuable && !flow.busy}
            onCancelLogin={() => flow.cancelLogin()}
            onContinueAnyway={shown.continueAnyway}
            onShowFirstError={() => showFirstError(session)}
            outcomeRef={outcomeRef}
          />
        )}
        {flow.choice.pending && (
          <ErrorBoundary view="the authorization server choice">
            <AuthorizationServerDialog issuers={flow.choice.pending} onChoose={flow.choice.answer} />
          </ErrorBoundary>
        )}
      </header>
      <main className="grid min-h-0 flex-1 grid-cols-1 overflow-y-auto lg:grid-cols-[minmax(0,1fr)_minmax(380px,36%)] lg:overflow-visible">
        <div className="min-h-[420px] border-r border-slate-200">
          {session ? (
            <ErrorBoundary view="the diagram" resetKey={session}>
              <Suspense fallback={<p className="p-4 text-sm text-slate-500">Loading the diagram…</p>}>
                <SequenceDiagram session={session} selection={selection} onSelect={select} presenter={presenter} />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <EmptyState />
          )}
        </div>
        <SidePanel
          tab={tab}
          onTab={setTab}
          findingCount={session?.findings.length ?? 0}
          errorCount={session?.findings.filter((finding) => finding.severity === 'error').length ?? 0}
          exchangeCount={session?.exchanges.length ?? 0}
          {...(tools && !imported ? { toolCount: tools.length } : {})}
        >
          {/* Hidden rather than unmounted, so a tool's arguments and result survive a look at the findings. */}
          <div hidden={tab !== 'inspector'}>
            <Inspector session={session} selection={selection} onSelect={select} {...(relay && !imported ? { onAskRelay: flow.askRelay } : {})} />
          </div>
          <div hidden={tab !== 'findings'}>
            <ErrorBoundary view="the findings" resetKey={session}>
              <FindingsPanel session={session} onSelect={select} />
            </ErrorBoundary>
          </div>
          {/*
            The network table is a side tab, not a split under the diagram: at 1280×720 the header
            already takes a third of the height, and a split would push the failing arrow out of the
            first view. Beside the diagram, a row and its arrow are both on screen, and selecting one
            selects the other (a click in the diagram keeps this tab open).
          */}
          <div hidden={tab !== 'network'}>
            <ErrorBoundary view="the network table" resetKey={session}>
              {session ? (
                <NetworkTable session={session} selection={selection} onHighlight={highlight} onOpen={open} />
              ) : (
                <p className="text-sm text-slate-500">Run the flow or import a trace: every request appears here, one row each.</p>
              )}
            </ErrorBoundary>
          </div>
          {tools && !imported && (
            <div hidden={tab !== 'tools'}>
              <ErrorBoundary view="the tools" resetKey={tools}>
                <ToolsList
                  tools={tools}
                  busy={flow.busy}
                  canRefresh={!!session?.learned.tokens?.refresh_token}
                  onCall={(name, args) => flow.callTool.mutateAsync({ name, args })}
                  onRefresh={shown.refresh}
                  onAudit={shown.audit}
                />
              </ErrorBoundary>
            </div>
          )}
        </SidePanel>
      </main>
    </div>
  );
}
