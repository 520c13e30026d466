import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import type { FlowSession } from '../engine/model/session.ts';
import { AuthorizationServerDialog } from '../features/connect/AuthorizationServerDialog.tsx';
import { ConnectBar } from '../features/connect/ConnectBar.tsx';
import { toFlowSettings } from '../features/connect/connect-values.ts';
import { useDemoConfig } from '../features/connect/demo-config.ts';
import { forgetRedirect, takeResume } from '../features/connect/redirect-resume.ts';
import { readLink } from '../features/connect/share-link.ts';
import { useFlow } from '../features/connect/use-flow.ts';
import { maskedSession } from '../features/presenter/masking.ts';
import { ScenarioBanner } from '../features/scenarios/ScenarioBanner.tsx';
import { ScenarioPicker } from '../features/scenarios/ScenarioPicker.tsx';
import { usePresenterKeys } from '../features/presenter/use-presenter-keys.ts';
import { FindingsPanel } from '../features/findings/FindingsPanel.tsx';
import { ToolsList } from '../features/tools/ToolsList.tsx';
import { ImportedNotice } from '../features/export/ImportedNotice.tsx';
import type { ImportedTrace } from '../features/export/imported-trace.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import type { Selection } from '../ui/selection.ts';
import { FlowSummary } from './FlowSummary.tsx';
import { Inspector } from './Inspector.tsx';
import { SidePanel, type SideTab } from './SidePanel.tsx';
import { TraceMenu } from './TraceMenu.tsx';
import { useConnectValues } from './use-connect-values.ts';

const link = readLink(window.location.search);
const resuming = new URLSearchParams(window.location.search).get('resume') === '1';

// React Flow is the largest dependency and is needed only once a run starts, so it loads then
// (or as soon as the pointer or focus reaches the controls), keeping the first load small.
const loadDiagram = () => import('../features/diagram/SequenceDiagram.tsx');
const SequenceDiagram = lazy(async () => ({ default: (await loadDiagram()).SequenceDiagram }));

export function App() {
  const demo = useDemoConfig();
  const flow = useFlow(demo.data?.relay ?? null);
  const { values, setValues, shareLink, adopt, serverSource, scenario } = useConnectValues(link, demo.data);
  /** A trace opened from a file: shown as recorded, with no network. */
  const [imported, setImported] = useState<ImportedTrace | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [presenter, setPresenter] = useState(new URLSearchParams(window.location.search).get('presenter') === '1');
  const [selection, setSelectionState] = useState<Selection>(null);
  const [tab, setTab] = useState<SideTab>('inspector');
  /** Selecting a step or an exchange, from anywhere, shows it in the inspector. */
  const setSelection = (next: Selection) => {
    setSelectionState(next);
    if (next) setTab('inspector');
  };
  const autoRan = useRef(false);

  const settings = () => toFlowSettings(values, window.location.origin);

  /** After a run, show where it ended: the failed step, or the last one that ran. */
  const focusOutcome = (session: FlowSession) => {
    const failed = session.steps.find((step) => step.status === 'failed' || step.status === 'blocked');
    const lastRun = session.steps.filter((step) => step.status !== 'pending').at(-1);
    const target = failed ?? lastRun;
    if (target) setSelection({ kind: 'step', id: target.id });
  };
  const runAll = () => {
    setImported(null);
    flow.runAll.mutate(settings(), {
      onSuccess: (session) => {
        focusOutcome(session);
        // A complete run's proof is the tools list: show it.
        if (session.status === 'done' && session.learned.tools) setTab('tools');
      },
    });
  };
  const next = () => {
    setImported(null);
    flow.next.mutate(settings(), { onSuccess: focusOutcome });
  };
  const reset = () => {
    flow.reset();
    setImported(null);
    setNotice(null);
    setSelection(null);
  };
  const openImported = (trace: ImportedTrace) => {
    flow.reset();
    setImported(trace);
    setNotice(null);
    adopt(trace.session.settings, trace.fileName);
    focusOutcome(trace.session);
  };

  // ?run=1 starts the flow once the target is known.
  useEffect(() => {
    if (resuming || !link.run || autoRan.current || !values.server || (!link.server && demo.isLoading)) return;
    autoRan.current = true;
    runAll();
  });

  // A redirect leg that never came back (Back button, reload) leaves nothing behind in storage.
  useEffect(() => {
    if (!resuming) forgetRedirect();
  }, []);

  // Back from a full-page redirect (the popup was blocked): finish the flow that was under way.
  useEffect(() => {
    if (!resuming || autoRan.current) return;
    autoRan.current = true;
    window.history.replaceState(null, '', window.location.pathname);
    const saved = takeResume();
    if (!saved) return;
    adopt(saved.session.settings);
    flow.resume.mutate(saved, { onSuccess: focusOutcome });
  });

  // Presenter mode scales every rem-sized text, so the whole page grows for a projector.
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);

  /** Presenter keys: → next step, ← previous step, R reset. */
  const selectPreviousStep = () => {
    const steps = flow.session?.steps ?? [];
    const index = selection?.kind === 'step' ? steps.findIndex((step) => step.id === selection.id) : steps.filter((step) => step.status !== 'pending').length;
    const previous = steps[Math.max(0, index - 1)];
    if (previous) setSelection({ kind: 'step', id: previous.id });
  };
  usePresenterKeys(presenter, { next: () => !flow.busy && next(), previous: selectPreviousStep, reset });

  // In presenter mode every view gets the session with its secrets masked.
  const shown = imported?.session ?? flow.session;
  const session = useMemo(() => (shown ? maskedSession(shown, presenter).session : null), [shown, presenter]);
  const tools = session?.learned.tools;

  return (
    <div className="flex h-full flex-col" data-presenter={presenter || undefined}>
      <header className="border-b border-slate-200 bg-white px-4 py-3">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h1 className="text-lg font-bold text-slate-900">MCP Auth Flow</h1>
          <p className="text-sm text-slate-600">The client side of MCP authorization, run in your browser, one request at a time.</p>
          <p className="ml-auto text-xs text-slate-500" data-testid="demo-status">
            {demo.data ? `Demo servers running: MCP ${demo.data.mcpServerUrl} · AS ${demo.data.authorizationServerUrl}` : demo.isLoading ? '' : 'No demo servers here: enter any MCP server URL.'}
          </p>
          <TraceMenu session={imported?.session ?? flow.session} onImport={openImported} onError={setNotice} />
          {demo.data?.scenarios && <ScenarioPicker scenarios={demo.data.scenarios} {...(scenario ? { current: scenario.id } : {})} />}
          <button
            type="button"
            aria-pressed={presenter}
            onClick={() => setPresenter((on) => !on)}
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
              onRunAll={runAll}
              onNext={next}
              onReset={reset}
              busy={flow.busy}
              canContinue={!!session && session.status !== 'done' && session.status !== 'failed' && session.steps.some((step) => step.status !== 'pending')}
              shareLink={shareLink}
              relay={demo.data?.relay ?? null}
              {...(serverSource !== undefined ? { serverSource } : {})}
            />
          </ErrorBoundary>
        </div>
        {scenario && <ScenarioBanner scenario={scenario} />}
        {notice && (
          <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-1.5 text-sm text-red-900" data-testid="notice">
            {notice}
          </p>
        )}
        {imported && <ImportedNotice trace={imported} />}
        {session && !imported && (
          <div className="flex flex-wrap items-center gap-3">
            <ErrorBoundary view="the flow summary" resetKey={session}>
              <FlowSummary session={session} />
            </ErrorBoundary>
            {session.status === 'waiting-for-user' && (
              <button
                type="button"
                onClick={() => flow.cancelLogin()}
                className="mt-2 rounded-md border border-slate-400 px-3 py-1 text-sm font-semibold text-slate-700 hover:bg-slate-100"
                title="Closed the login window, or the authorization server showed an error instead of coming back? Give up on this login."
              >
                Cancel login
              </button>
            )}
            {flow.continuable && !flow.busy && (
              <button
                type="button"
                onClick={() => flow.continueAnyway.mutate(undefined, { onSuccess: focusOutcome })}
                className="mt-2 rounded-md border-2 border-dashed border-red-700 px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50"
                title="A conforming client stops here. Go on to see the rest of the flow; later steps are marked off-spec."
              >
                Continue anyway (off-spec)
              </button>
            )}
          </div>
        )}
        {flow.choice.pending && (
          <ErrorBoundary view="the authorization server choice">
            <AuthorizationServerDialog issuers={flow.choice.pending} onChoose={flow.choice.answer} />
          </ErrorBoundary>
        )}
      </header>
      <main className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(0,1fr)_minmax(380px,36%)]">
        <div className="min-h-[420px] border-r border-slate-200">
          {session ? (
            <ErrorBoundary view="the diagram" resetKey={session}>
              <Suspense fallback={<p className="p-4 text-sm text-slate-500">Loading the diagram…</p>}>
                <SequenceDiagram session={session} selection={selection} onSelect={setSelection} presenter={presenter} />
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
          {...(tools && !imported ? { toolCount: tools.length } : {})}
        >
          {/* Hidden rather than unmounted, so a tool's arguments and result survive a look at the findings. */}
          <div hidden={tab !== 'inspector'}>
            <Inspector session={session} selection={selection} onSelect={setSelection} {...(demo.data?.relay && !imported ? { onAskRelay: flow.askRelay } : {})} />
          </div>
          <div hidden={tab !== 'findings'}>
            <ErrorBoundary view="the findings" resetKey={session}>
              <FindingsPanel session={session} onSelect={setSelection} />
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
                  onRefresh={() => flow.refresh.mutate(undefined, { onSuccess: focusOutcome })}
                  onAudit={() => flow.audit.mutate(undefined, { onSuccess: focusOutcome })}
                />
              </ErrorBoundary>
            </div>
          )}
        </SidePanel>
      </main>
    </div>
  );
}

function EmptyState() {
  return (
    <div className="flex h-full items-center justify-center p-8 text-center text-slate-600">
      <div className="max-w-md space-y-2">
        <p className="text-base font-semibold text-slate-800">Point it at an MCP server and press Run all.</p>
        <p className="text-sm">
          Every request of the authorization flow appears here as an arrow, from the first 401 to the authenticated tools list. Use Next step to go one
          request at a time.
        </p>
      </div>
    </div>
  );
}
