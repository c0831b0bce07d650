/**
 * Processes the suite starts, ended even when it is stopped early (Ctrl-C, a CI timeout): a
 * WebKitWebDriver group runs detached, so nothing else would end it.
 */
const running = new Map<number, 'process' | 'group'>();

function endAll() {
	for (const [pid, kind] of running)
		try {
			process.kill(kind === 'group' ? -pid : pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	running.clear();
}

process.once('exit', endAll);
for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143],
	['SIGHUP', 129]
] as const)
	process.once(signal, () => {
		endAll();
		process.exit(code);
	});

/** Ends this process (or its whole process group) if the suite stops before it does. */
export function endOnExit(pid: number | undefined, kind: 'process' | 'group' = 'process') {
	if (pid) running.set(pid, kind);
	return () => {
		if (pid) running.delete(pid);
	};
}
