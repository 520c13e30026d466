import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { TEST_APP_ORIGIN } from '../test-support/headless-oauth-client.ts';
import { postMcp } from '../test-support/mcp-request.ts';
import { scenarioMcpUrl, type ScenarioId } from './catalog.ts';

let servers: DemoServers;
const urlOf = (id: ScenarioId) => scenarioMcpUrl(servers.mcpOrigin, id);
const pathInsertedMetadataUrl = (id: ScenarioId) => `${servers.mcpOrigin}/.well-known/oauth-protected-resource/s/${id}/mcp`;
const initialize = { id: 1, method: 'initialize', params: {} };

beforeAll(async () => {
  servers = await startDemoServers({ scenarios: true });
});

afterAll(() => servers?.close());

describe('no-challenge', () => {
  it('answers 401 without any WWW-Authenticate header', async () => {
    const response = await postMcp(urlOf('no-challenge'), initialize);
    expect(response.status).toBe(401);
    expect(response.headers.has('www-authenticate')).toBe(false);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
  });

  it('still serves its metadata at the path-inserted well-known URL', async () => {
    const response = await fetch(pathInsertedMetadataUrl('no-challenge'));
    expect(await response.json()).toMatchObject({ resource: urlOf('no-challenge'), authorization_servers: [servers.auth.issuer] });
  });
});

describe('prm-root-only', () => {
  it('challenges without resource_metadata', async () => {
    const response = await postMcp(urlOf('prm-root-only'), initialize);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer scope="mcp:tools"');
  });

  it('has no metadata at the path-inserted URL, only at the root, naming this endpoint', async () => {
    expect((await fetch(pathInsertedMetadataUrl('prm-root-only'))).status).toBe(404);
    const root = await fetch(`${servers.mcpOrigin}/.well-known/oauth-protected-resource`, { headers: { origin: TEST_APP_ORIGIN } });
    expect(root.status).toBe(200);
    expect(root.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(await root.json()).toMatchObject({ resource: urlOf('prm-root-only'), authorization_servers: [servers.auth.issuer] });
  });
});

describe('prm-resource-mismatch', () => {
  it('names the endpoint with a trailing slash in its metadata', async () => {
    const challenge = (await postMcp(urlOf('prm-resource-mismatch'), initialize)).headers.get('www-authenticate');
    expect(challenge).toContain(`resource_metadata="${pathInsertedMetadataUrl('prm-resource-mismatch')}"`);
    const metadata = (await (await fetch(pathInsertedMetadataUrl('prm-resource-mismatch'))).json()) as { resource: string };
    expect(metadata.resource).toBe(`${urlOf('prm-resource-mismatch')}/`);
    expect(metadata.resource).not.toBe(urlOf('prm-resource-mismatch'));
  });
});

describe('html-not-json', () => {
  it('points the challenge at a metadata URL that answers 200 with an HTML login page', async () => {
    const challenge = (await postMcp(urlOf('html-not-json'), initialize)).headers.get('www-authenticate');
    expect(challenge).toContain(`resource_metadata="${pathInsertedMetadataUrl('html-not-json')}"`);

    const response = await fetch(pathInsertedMetadataUrl('html-not-json'), {
      headers: { origin: TEST_APP_ORIGIN, accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    const body = await response.text();
    expect(body).toMatch(/^<!doctype html>/);
    expect(() => JSON.parse(body) as unknown).toThrow();
  });
});

describe('metadata-behind-gateway', () => {
  it('points the challenge under the MCP path, where the gateway answers with its own Basic 401 page and no CORS', async () => {
    const guarded = `${urlOf('metadata-behind-gateway')}/.well-known/oauth-protected-resource`;
    const challenge = (await postMcp(urlOf('metadata-behind-gateway'), initialize)).headers.get('www-authenticate');
    expect(challenge).toContain(`resource_metadata="${guarded}"`);

    const response = await fetch(guarded, { headers: { origin: TEST_APP_ORIGIN, accept: 'application/json' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="corp-gateway"');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the metadata at the path-inserted well-known URL, which the gateway exempts', async () => {
    const response = await fetch(pathInsertedMetadataUrl('metadata-behind-gateway'), { headers: { origin: TEST_APP_ORIGIN } });
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
    expect(await response.json()).toMatchObject({ resource: urlOf('metadata-behind-gateway'), authorization_servers: [servers.auth.issuer] });
  });
});
