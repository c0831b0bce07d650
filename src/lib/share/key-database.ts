/**
 * The one IndexedDB database the site ever makes: on a counselor's device, after they agree, to
 * keep their invite's key. Its own module, so a page can look for it without loading the crypto.
 */
export const KEY_DATABASE = 'sgg-counselor';
