/**
 * The names the counselor invite is known by outside its crypto: the start of a locked link and
 * the one IndexedDB database the site ever makes (on a counselor's device, after they agree, to
 * keep their invite's key). A module of its own, so a page can recognise a locked link or look
 * for a kept key without loading @hpke/core.
 */
export const SEALED_PREFIX = 'h1.';
export const KEY_DATABASE = 'sgg-counselor';
