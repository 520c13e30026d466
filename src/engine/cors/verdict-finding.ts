import type { CorsVerdict } from '../model/cors-verdict.ts';

/** A verdict as a finding's detail: what was seen, then the header line(s) to send. */
export function verdictFindingDetail(verdict: CorsVerdict): string {
  if (!verdict.headerLine) return verdict.detail;
  const lines = verdict.headerLine.split('\n');
  return lines.length === 1 ? `${verdict.detail} Send: ${verdict.headerLine}` : `${verdict.detail} Answer it with: ${lines.join(' | ')}`;
}
