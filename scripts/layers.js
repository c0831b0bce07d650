/**
 * The app's layers and the imports that cross them the wrong way. Data flows one way (design.md):
 * the engine (src/lib/flow) knows nothing of Svelte or SvelteKit; a result is presented by
 * src/lib/result, which the questionnaire and the counselor's page (src/lib/share) both use; share
 * never reaches into the questionnaire; and nothing imports a route. Used by the ESLint rule
 * `layers/imports` (eslint.config.js) and by scripts/import-graph.ts.
 */
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The folder of src/ a file belongs to: `lib/flow`, `lib/share`, `routes`, `lib/tab-storage`…
 * @param {string} file
 * @returns {string | null}
 */
export function layerOf(file) {
	const path = relative(resolve(ROOT, 'src'), resolve(file)).split(sep).join('/');
	if (path.startsWith('..')) return null;
	const [top = '', next = ''] = path.split('/');
	if (top === 'lib') return path.split('/').length > 2 ? `lib/${next}` : `lib/${stem(next)}`;
	if (top === 'routes') return 'routes';
	return stem(top);
}

/** @param {string} name */
function stem(name) {
	return name.replace(/(\.svelte)?\.(ts|js)$/, '');
}

/**
 * The file an import names (absolute), or null for a package.
 * @param {string} from
 * @param {string} spec
 * @returns {string | null}
 */
export function resolveImport(from, spec) {
	if (spec.startsWith('$lib/')) return resolve(ROOT, 'src/lib', spec.slice('$lib/'.length));
	if (spec === '$lib') return resolve(ROOT, 'src/lib');
	if (spec.startsWith('.')) return resolve(dirname(resolve(from)), spec);
	return null;
}

const SVELTE = /^(svelte|@sveltejs\/|\$app\/)|\.svelte(\.(ts|js))?$/;

/**
 * Layers a layer may never import, with the reason given in the error.
 * @type {Record<string, { layers: string[] | '*'; why: string }>}
 */
const FORBIDDEN = {
	'lib/flow': {
		layers: '*',
		why: 'the engine is framework-free: it imports only itself and plain packages'
	},
	'lib/result': {
		layers: ['lib/questionnaire', 'lib/share', 'routes'],
		why: 'result presentation is used by the questionnaire and the counselor page, not the other way'
	},
	'lib/share': {
		layers: ['lib/questionnaire', 'routes'],
		why: 'sharing never depends on the questionnaire: both use lib/result'
	},
	'lib/i18n': {
		layers: ['lib/questionnaire', 'lib/share', 'lib/result', 'lib/components', 'routes'],
		why: 'languages are below every screen'
	},
	'lib/components': {
		layers: ['lib/questionnaire', 'lib/share', 'lib/result', 'routes'],
		why: 'site components are below every screen'
	}
};

/**
 * Why importing `spec` from `file` crosses a layer the wrong way, or null when it does not.
 * Every layer is kept from importing a route.
 * @param {string} file
 * @param {string} spec
 * @returns {string | null}
 */
export function layerViolation(file, spec) {
	const from = layerOf(file);
	if (from === null) return null;
	const target = resolveImport(file, spec);
	const to = target === null ? null : layerOf(target);
	if (from === 'lib/flow') {
		const why = FORBIDDEN['lib/flow']?.why;
		if (SVELTE.test(spec)) return `${from} → ${spec}: ${why}`;
		if (to !== null && to !== from) return `${from} → ${to}: ${why}`;
		return null;
	}
	if (to === null || to === from) return null;
	if (to === 'routes') return `${from} → routes: pages use the library, never the reverse`;
	const rule = FORBIDDEN[from];
	if (rule && (rule.layers === '*' || rule.layers.includes(to)))
		return `${from} → ${to}: ${rule.why}`;
	return null;
}

/**
 * The ESLint plugin: `layers/imports` reports every import that crosses a layer the wrong way.
 * @type {import('eslint').ESLint.Plugin}
 */
export const layersPlugin = {
	rules: {
		imports: {
			meta: {
				type: 'problem',
				docs: { description: 'Imports follow the layers of design.md' },
				schema: [],
				messages: { cross: 'Import crosses a layer the wrong way: {{why}}' }
			},
			create(context) {
				/** @param {{ source?: { type: string; value?: unknown } | null }} node */
				const check = (node) => {
					const source = node.source;
					if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
					const why = layerViolation(context.filename, source.value);
					if (why) context.report({ node: source, messageId: 'cross', data: { why } });
				};
				return {
					ImportDeclaration: check,
					ImportExpression: check,
					ExportAllDeclaration: check,
					ExportNamedDeclaration: check
				};
			}
		}
	}
};
