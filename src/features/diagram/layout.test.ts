import { describe, expect, it } from 'vitest';
import type { Exchange, Lane } from '../../engine/model/exchange.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import type { Step } from '../../engine/model/step.ts';
import type { DiagramNode, MessageDiagramNode, StepBandDiagramNode } from './diagram-nodes.ts';
import { DEFAULT_LANE_SPACING, DEFAULT_ROW_HEIGHT, layoutSequence } from './layout.ts';
import { REDACTED } from '../../engine/report/redact.ts';
import { maskedSession } from '../../ui/masked-session.ts';
import { selectionOrder } from './selection-order.ts';
import { withSelection } from './use-stable-nodes.ts';

const MCP = 'https://mcp.example.test/mcp';
const AS = 'https://auth.example.test';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

function exchange(id: string, stepId: string, from: Lane, to: Lane, label: string, startedAt: number, rest: Partial<Exchange> = {}): Exchange {
  const [method = 'GET', path = '/'] = label.split(' ');
  return {
    id,
    stepId,
    from,
    to,
    label,
    request: { method, url: `${to === 'mcp' ? 'https://mcp.example.test' : AS}${path}`, headers: [] },
    outcome: 'response',
    startedAt,
    durationMs: 12,
    ...rest,
  };
}

function response(status: number, statusText = '') {
  return { status, statusText, headers: [], body: '{}', bodyBytes: 2, bodyTruncated: false, finalUrl: MCP, redirected: false };
}

function step(id: Step['kind'], status: Step['status'], exchangeIds: string[] = [], notes: string[] = []): Step {
  return { id, kind: id, status, exchangeIds, notes, summary: `${id} summary` };
}

/** A run that got as far as the token request, which the browser blocked (no CORS on /token). */
function blockedTokenRun(): FlowSession {
  return {
    format: 'mcp-auth-flow/session@1',
    settings: {
      serverUrl: MCP,
      specVersion: '2025-11-25',
      timeoutMs: 15_000,
      redirectUri: 'http://localhost:5173/callback',
      clientName: 'MCP Auth Flow',
      registration: { mode: 'auto' },
    },
    status: 'failed',
    steps: [
      step('mcp-unauthenticated', 'ok', ['x1']),
      step(
        'challenge',
        'warning',
        [],
        [
          'Bearer resource_metadata="https://mcp.example.test/.well-known/oauth-protected-resource/mcp"',
          'scope from challenge: mcp:tools',
          'no error parameter',
          'a fourth note that does not fit',
        ],
      ),
      // Recorded out of order on purpose: the diagram follows startedAt.
      step('prm', 'ok', ['x3', 'x2'], ['https://mcp.example.test/.well-known/oauth-protected-resource/mcp → 404']),
      step('as-discovery', 'ok', ['x4']),
      step('registration', 'ok', ['x5']),
      step('authorize', 'ok', ['x6', 'x7'], [`code_verifier = ${VERIFIER} (kept secret)`]),
      step('callback', 'ok', [], ['state matches', 'iss matches']),
      step('token', 'blocked', ['x8']),
      { id: 'mcp-authenticated', kind: 'mcp-authenticated', status: 'pending', exchangeIds: [], notes: [] },
    ],
    exchanges: [
      exchange('x1', 'mcp-unauthenticated', 'client', 'mcp', 'POST /mcp initialize', 1000, { response: response(401), hiddenHeaders: ['WWW-Authenticate'] }),
      exchange('x3', 'prm', 'client', 'mcp', 'GET /.well-known/oauth-protected-resource', 1300, { response: response(200, 'OK') }),
      exchange('x2', 'prm', 'client', 'mcp', 'GET /.well-known/oauth-protected-resource/mcp', 1200, { response: response(404) }),
      exchange('x4', 'as-discovery', 'client', 'as', 'GET /.well-known/oauth-authorization-server', 1400, { response: response(200) }),
      exchange('x5', 'registration', 'client', 'as', 'POST /register', 1500, { response: response(201) }),
      exchange('x6', 'authorize', 'user', 'as', 'GET /authorize (browser navigation)', 1600, { outcome: 'navigation' }),
      exchange('x7', 'authorize', 'as', 'client', 'GET /callback (browser navigation)', 1700, { outcome: 'navigation' }),
      exchange('x8', 'token', 'client', 'as', 'POST /token', 1800, { outcome: 'blocked', error: 'Failed to fetch' }),
    ],
    findings: [
      { id: 'f1', ruleId: 'challenge.hidden-by-cors', severity: 'error', stepId: 'mcp-unauthenticated', exchangeId: 'x1', detail: 'hidden' },
      { id: 'f2', ruleId: 'cors.blocked', severity: 'error', stepId: 'token', exchangeId: 'x8', detail: 'blocked' },
    ],
    learned: { issuer: AS, pkce: { verifier: VERIFIER, challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', method: 'S256' } },
  };
}

const laneX = (index: number) => DEFAULT_LANE_SPACING * (index + 0.5);
const messages = (nodes: DiagramNode[]) => nodes.filter((node): node is MessageDiagramNode => node.type === 'message');
const bands = (nodes: DiagramNode[]) => nodes.filter((node): node is StepBandDiagramNode => node.type === 'stepBand');
const byId = (nodes: DiagramNode[], id: string) => {
  const node = nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};
const message = (nodes: DiagramNode[], id: string) => byId(nodes, id) as MessageDiagramNode;

describe('layoutSequence', () => {
  const session = blockedTokenRun();
  const { nodes, lanes, width, height } = layoutSequence(session);

  it('draws four lanes left to right, each with a header and a lifeline down the whole diagram', () => {
    expect(lanes.map((lane) => lane.title)).toEqual(['Browser app', 'MCP server', 'Authorization server', 'User / consent']);
    expect(lanes.map((lane) => lane.centreX)).toEqual([0, 1, 2, 3].map(laneX));
    for (const lane of ['client', 'mcp', 'as', 'user']) {
      const lifeline = byId(nodes, `lifeline-${lane}`);
      expect(lifeline.position.x + 1).toBe(laneX(['client', 'mcp', 'as', 'user'].indexOf(lane)));
      expect(lifeline.position.y).toBe(0);
      expect(lifeline.position.y + (lifeline.height ?? 0)).toBe(height);
    }
    expect(width).toBe(DEFAULT_LANE_SPACING * 4);
  });

  it('shows every step, pending ones included, in session order with its status', () => {
    const shown = bands(nodes);
    expect(shown.map((band) => band.id)).toEqual(session.steps.map((s) => `step-${s.id}`));
    expect(shown.map((band) => band.data.status)).toEqual(session.steps.map((s) => s.status));
    expect(shown.map((band) => band.data.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(byId(nodes, 'step-prm').data).toMatchObject({ title: 'Protected resource metadata', summary: 'prm summary' });
    // A step not run yet says what it is for, so a newcomer sees the whole flow ahead.
    expect(byId(nodes, 'step-mcp-authenticated').data).toMatchObject({ status: 'pending', summary: '', hint: expect.stringMatching(/\S/) });
    expect(byId(nodes, 'step-token').data).toMatchObject({ title: 'Token request', ariaLabel: 'Step 8 Token request: blocked' });
    const tops = shown.map((band) => band.position.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    for (const band of shown) expect(band.width).toBe(width);
  });

  it('draws one request and one reply per exchange, top to bottom in time order, inside its step band', () => {
    const order = messages(nodes)
      .sort((a, b) => a.position.y - b.position.y)
      .map((node) => node.id);
    expect(order).toEqual([
      'x1-req',
      'x1-res',
      'x2-req',
      'x2-res',
      'x3-req',
      'x3-res',
      'x4-req',
      'x4-res',
      'x5-req',
      'x5-res',
      'x6-req',
      'x7-req',
      'x8-req',
      'x8-res',
    ]);
    const ys = messages(nodes).map((node) => node.position.y);
    expect(new Set(ys).size).toBe(ys.length);
    for (const node of messages(nodes)) {
      const band = byId(nodes, `step-${session.exchanges.find((x) => x.id === node.data.exchangeId)?.stepId}`);
      expect(node.position.y).toBeGreaterThan(band.position.y);
      expect(node.position.y + (node.height ?? 0)).toBeLessThanOrEqual(band.position.y + (band.height ?? 0));
    }
  });

  it('labels replies with the status, filling in the reason phrase HTTP/2 leaves out', () => {
    expect(message(nodes, 'x1-res').data).toMatchObject({ part: 'response', label: '401 Unauthorized', tone: 'client-error' });
    expect(message(nodes, 'x2-res').data.label).toBe('404 Not Found');
    expect(message(nodes, 'x5-res').data).toMatchObject({ label: '201 Created', tone: 'success' });
    expect(message(nodes, 'x1-req').data).toMatchObject({ part: 'request', label: 'POST /mcp initialize' });
  });

  it('points arrows the right way and starts them at the leftmost of the two lanes', () => {
    expect(message(nodes, 'x1-req')).toMatchObject({ position: { x: laneX(0) }, width: DEFAULT_LANE_SPACING, data: { direction: 'right' } });
    expect(message(nodes, 'x1-res')).toMatchObject({ position: { x: laneX(0) }, width: DEFAULT_LANE_SPACING, data: { direction: 'left' } });
    expect(message(nodes, 'x4-req')).toMatchObject({ position: { x: laneX(0) }, width: 2 * DEFAULT_LANE_SPACING, data: { direction: 'right' } });
    expect(message(nodes, 'x6-req')).toMatchObject({ position: { x: laneX(2) }, width: DEFAULT_LANE_SPACING, data: { direction: 'left', tone: 'navigation' } });
    expect(message(nodes, 'x7-req')).toMatchObject({ position: { x: laneX(0) }, width: 2 * DEFAULT_LANE_SPACING, data: { direction: 'left' } });
    expect(message(nodes, 'x1-req').data.ariaLabel).toBe('Request POST /mcp initialize from Browser app to MCP server');
  });

  it('marks a blocked request with a failure arrow instead of a response, and a navigation with no reply', () => {
    expect(message(nodes, 'x8-res').data).toMatchObject({ part: 'failure', tone: 'blocked', direction: 'left', label: '✕ blocked by the browser (CORS?)' });
    expect(message(nodes, 'x8-res').data.detail).toContain('Failed to fetch');
    expect(nodes.some((node) => node.id === 'x6-res' || node.id === 'x7-res')).toBe(false);
    expect(byId(nodes, 'step-token').data).toMatchObject({ status: 'blocked', errorCount: 1 });
  });

  it('draws the requests of a failed or blocked step in the failure colour, and only there', () => {
    expect(message(nodes, 'x8-req').data.tone).toBe('blocked');
    expect(message(nodes, 'x4-req').data.tone).toBe('request');
    expect(message(nodes, 'x6-req').data.tone).toBe('navigation');
  });

  it('gives a status label that would not fit on one line a taller row instead of cutting it', () => {
    // "401 Unauthorized" with its "hidden headers" and "✕ 1" badges needs two lines between two lanes.
    const reply = message(nodes, 'x1-res');
    expect(reply.height).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
    expect(message(nodes, 'x5-res').height).toBe(DEFAULT_ROW_HEIGHT);
    // Nothing below overlaps the grown row.
    const below = nodes.filter((node) => node.type !== 'lifeline' && node.position.y > reply.position.y);
    for (const node of below) expect(node.position.y).toBeGreaterThanOrEqual(reply.position.y + (reply.height ?? 0));
  });

  it('puts the hidden-headers badge and the findings on the reply arrow', () => {
    expect(message(nodes, 'x1-res').data).toMatchObject({ hiddenHeaders: ['WWW-Authenticate'], findingSeverity: 'error', findingCount: 1 });
    expect(message(nodes, 'x1-req').data).toMatchObject({ hiddenHeaders: [], findingSeverity: null });
  });

  it('gives a step without HTTP exchanges a note box on the client lane, at most three lines', () => {
    const note = byId(nodes, 'note-challenge');
    expect(note.data).toMatchObject({ lines: session.steps[1]?.notes.slice(0, 3), moreCount: 1 });
    expect((note.data as { fullText: string }).fullText).toContain('a fourth note');
    expect(note.position.x).toBeLessThan(laneX(0));
    // Authorize made only browser navigations, so its PKCE notes show, above the navigation arrows.
    expect(byId(nodes, 'note-authorize').position.y).toBeLessThan(byId(nodes, 'x6-req').position.y);
    expect(nodes.some((node) => node.id === 'note-prm' || node.id === 'note-mcp-authenticated')).toBe(false);
  });

  it('keeps node ids stable as the flow goes on', () => {
    const next = blockedTokenRun();
    next.exchanges.push(exchange('x9', 'mcp-authenticated', 'client', 'mcp', 'POST /mcp initialize', 1900, { response: response(200) }));
    next.steps[8] = step('mcp-authenticated', 'ok', ['x9']);
    const earlier = nodes.map((node) => node.id);
    const later = layoutSequence(next).nodes.map((node) => node.id);
    expect(later.filter((id) => earlier.includes(id))).toEqual(earlier);
    expect(later).toEqual(expect.arrayContaining(['lifeline-client', 'step-prm', 'x3-req', 'x3-res', 'x9-req', 'x9-res']));
  });

  it('highlights the running step, or the next pending one, and none when the flow has ended', () => {
    expect(bands(nodes).filter((band) => band.data.current)).toEqual([]);
    const running = { ...blockedTokenRun(), status: 'running' as const };
    running.steps = running.steps.map((s) => (s.id === 'token' ? { ...s, status: 'running' } : s));
    expect(
      bands(layoutSequence(running).nodes)
        .filter((band) => band.data.current)
        .map((band) => band.id),
    ).toEqual(['step-token']);
    const stepping = { ...blockedTokenRun(), status: 'running' as const };
    stepping.steps = stepping.steps.map((s) => (s.id === 'token' ? { ...s, status: 'pending' } : s));
    const current = bands(layoutSequence(stepping).nodes).filter((band) => band.data.current);
    expect(current.map((band) => band.id)).toEqual(['step-token']);
    expect(current[0]?.data.ariaLabel).toMatch(/not run \(next step\)$/);
  });

  it("marks the selection in the nodes' data, never with React Flow's `selected`, which would lift a step's frame over its arrows", () => {
    const marked = withSelection(nodes, { kind: 'step', id: 'token' });
    expect(marked.every((node) => !node.selected)).toBe(true);
    expect(byId(marked, 'step-token').data).toMatchObject({ picked: true });
    const exchange = withSelection(nodes, { kind: 'exchange', id: 'x8' });
    expect([message(exchange, 'x8-req').data.picked, message(exchange, 'x8-res').data.picked, message(exchange, 'x1-req').data.picked]).toEqual([
      true,
      true,
      false,
    ]);
    // Arrows are drawn above every frame.
    for (const band of bands(marked)) for (const arrow of messages(marked)) expect(arrow.zIndex!).toBeGreaterThan(band.zIndex!);
  });

  it('draws a masked session without its secrets (presenter mode)', () => {
    const plain = layoutSequence(session).nodes;
    const masked = layoutSequence(maskedSession(session, true).session).nodes;
    const text = (list: DiagramNode[]) => JSON.stringify(list);
    expect(text(plain)).toContain(VERIFIER);
    expect(text(masked)).not.toContain(VERIFIER);
    expect(text(masked)).toContain(REDACTED);
  });
});

describe('keyboard order', () => {
  const order = selectionOrder(blockedTokenRun());

  it('lists each step followed by its exchanges in time order', () => {
    expect(order.slice(0, 6)).toEqual([
      { kind: 'step', id: 'mcp-unauthenticated' },
      { kind: 'exchange', id: 'x1' },
      { kind: 'step', id: 'challenge' },
      { kind: 'step', id: 'prm' },
      { kind: 'exchange', id: 'x2' },
      { kind: 'exchange', id: 'x3' },
    ]);
    expect(order.at(-1)).toEqual({ kind: 'step', id: 'mcp-authenticated' });
  });
});
