/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after one visit: the whole site (every built file and prerendered page, a few hundred
 * kilobytes) is cached under this build's version; older caches are deleted on activation.
 * Only this origin's GET requests are ever answered or stored — nothing off-origin, no answers
 * (they live in the URL fragment and sessionStorage, which never reach a request).
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `sgg-${version}`;
const ASSETS = new Set([...build, ...files, ...prerendered]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	// Pages are cached under their path; the fragment never reaches the service worker anyway.
	const key = ASSETS.has(url.pathname) ? url.pathname : null;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			if (key) {
				const cached = await cache.match(key);
				if (cached) return cached;
			}
			try {
				return await fetch(request);
			} catch (error) {
				const fallback = await cache.match(url.pathname);
				if (fallback) return fallback;
				throw error;
			}
		})()
	);
});
