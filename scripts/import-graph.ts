/**
 * The import graph of src/, folder by folder: `npm run imports` prints every edge between folders
 * (with how many imports make it), then any cycle between folders or between files, and any import
 * that crosses a layer the wrong way (scripts/layers.js). Exit 1 when there is a cycle or a
 * crossing. Static and dynamic imports are both counted (a lazy import is still a dependency);
 * type-only imports are left out of the cycles, since they vanish from the built code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { layerOf, layerViolation, resolveImport } from './layers.js';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|js|svelte)$/;
/** `import … from`, `export … from`, `import '…'` and `import('…')`; group 1 is `type` when erased. */
const IMPORT =
	/\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g;

export interface ImportGraph {
	/** file → files it imports (repository-relative), tests left out. */
	files: Map<string, Set<string>>;
	/** "from → to" between folders, with the number of imports. */
	folders: Map<string, number>;
	crossings: string[];
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return SOURCE.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
	});
}

/** The file an import resolves to, trying the extensions a bundler would. */
function fileOf(target: string): string | null {
	for (const candidate of [
		target,
		`${target}.ts`,
		`${target}.js`,
		`${target}.svelte.ts`,
		join(target, 'index.ts')
	])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

export function importGraph(src = join(ROOT, 'src')): ImportGraph {
	const files = new Map<string, Set<string>>();
	const folders = new Map<string, number>();
	const crossings: string[] = [];
	for (const file of sourceFiles(src)) {
		const from = relative(ROOT, file);
		const edges = new Set<string>();
		files.set(from, edges);
		for (const [, typeOnly, staticSpec, dynamicSpec] of readFileSync(file, 'utf8').matchAll(
			IMPORT
		)) {
			const spec = staticSpec ?? dynamicSpec;
			if (!spec) continue;
			const why = layerViolation(file, spec);
			if (why) crossings.push(`${from}: ${spec} (${why})`);
			const target = resolveImport(file, spec);
			const resolved = target === null ? null : fileOf(target);
			if (resolved === null || typeOnly) continue;
			edges.add(relative(ROOT, resolved));
			const a = layerOf(file);
			const b = layerOf(resolved);
			if (a && b && a !== b) folders.set(`${a} → ${b}`, (folders.get(`${a} → ${b}`) ?? 0) + 1);
		}
	}
	return { files, folders, crossings };
}

/** Cycles in a graph: each strongly connected component of more than one node, or a self-loop. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
	let index = 0;
	const indices = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (node: string) => {
		indices.set(node, index);
		low.set(node, index++);
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!indices.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
		}
		if (low.get(node) === indices.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
		}
	};
	for (const node of graph.keys()) if (!indices.has(node)) visit(node);
	return found;
}

/** The folder graph as adjacency sets, from "a → b" edges. */
export function folderGraph(folders: Map<string, number>): Map<string, Set<string>> {
	const graph = new Map<string, Set<string>>();
	for (const edge of folders.keys()) {
		const [a, b] = edge.split(' → ') as [string, string];
		graph.set(a, (graph.get(a) ?? new Set()).add(b));
	}
	return graph;
}

function main() {
	const { files, folders, crossings } = importGraph();
	const lines = [`Imports between the folders of src/ (${files.size} files, tests left out):`];
	for (const [edge, count] of [...folders].sort()) lines.push(`  ${edge} (${count})`);
	const folderCycles = cycles(folderGraph(folders));
	const fileCycles = cycles(files);
	lines.push(
		`Folder cycles: ${folderCycles.length === 0 ? 'none' : ''}`,
		...folderCycles.map((c) => `  ${c.join(' ↔ ')}`),
		`File cycles: ${fileCycles.length === 0 ? 'none' : ''}`,
		...fileCycles.map((c) => `  ${c.join(' ↔ ')}`),
		`Imports crossing a layer the wrong way: ${crossings.length === 0 ? 'none' : ''}`,
		...crossings.map((c) => `  ${c}`)
	);
	console.log(lines.join('\n'));
	if (folderCycles.length + fileCycles.length + crossings.length > 0) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
