/**
 * The names the counselor invite is known by outside its crypto: the start of a locked link and
 * the one IndexedDB database the site ever makes (on a counselor's device, after they agree, to
 * keep their invite's key), and the rule for the name an invite carries. A module of its own, so
 * a page can recognise a locked link, look for a kept key or check a name without loading
 * @hpke/core.
 */
export const SEALED_PREFIX = 'h1.';
export const KEY_DATABASE = 'sgg-counselor';

/** The longest name, in characters (Unicode code points). */
export const NAME_MAX = 40;

// Controls, lone surrogates, line and paragraph separators, and invisible format characters
// (bidirectional overrides could make a name read as another), but the joiner and the tags that
// emoji sequences need.
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|(?![\u200d\u{e0020}-\u{e007f}])\p{Cf}/u;

/**
 * A name as an invite carries it: NFC, trimmed, inner white space as single spaces, 1 to NAME_MAX
 * characters, no control or invisible format characters. Null when the name cannot be used.
 */
export function cleanName(input: string): string | null {
	const name = input.normalize('NFC').replace(/\s+/gu, ' ').trim();
	const length = [...name].length;
	if (length < 1 || length > NAME_MAX || FORBIDDEN.test(name)) return null;
	return name;
}
