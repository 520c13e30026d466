import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/engine/rules/catalog.ts';
import { renderRulesDoc } from '../src/engine/rules/rules-doc.ts';

/** Writes docs/rules.md from the rule catalog. Run with `npm run rules:doc`. */
const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesDoc());
console.log(`Wrote ${target} (${RULES.length} rules).`);
