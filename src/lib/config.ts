/**
 * Settings fixed when the site is built, from the build's environment (or a `.env` file).
 * Imports nothing from the library, so any layer may read it.
 */
import * as publicEnv from '$env/static/public';

// `$env/static/public` exports only the variables that are set, and importing a missing one by
// name fails the build: look it up on the module instead, so leaving it unset is allowed.
const setting = new Map<string, unknown>(Object.entries(publicEnv)).get('PUBLIC_SITE_URL');

/**
 * PUBLIC_SITE_URL: the https address the site is deployed at, such as `https://guide.example.org`
 * (with a path only if the site is served under one), or undefined when unset. FHIR canonicals are
 * made under it: pass it as the `base` of share/fhir.ts, whose `siteUrl` refuses anything but https
 * and stands in the reserved `DEFAULT_SITE_URL` when it is unset.
 */
export const CONFIGURED_SITE_URL =
	typeof setting === 'string' && setting !== '' ? setting : undefined;
