import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROVIDERS } from '../src/engine/providers/catalog.ts';
import { renderProvidersDoc } from '../src/engine/providers/providers-doc.ts';
import { RULES } from '../src/engine/rules/catalog.ts';
import { renderRulesDoc } from '../src/engine/rules/rules-doc.ts';

/** Writes docs/rules.md from the rule catalog and docs/providers.md from the provider catalog. Run with `npm run rules:doc`. */
const rulesDoc = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(rulesDoc, renderRulesDoc());
console.log(`Wrote ${rulesDoc} (${RULES.length} rules).`);

const providersDoc = fileURLToPath(new URL('../docs/providers.md', import.meta.url));
writeFileSync(providersDoc, renderProvidersDoc());
console.log(`Wrote ${providersDoc} (${PROVIDERS.length} providers).`);
