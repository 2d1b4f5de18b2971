// Dexie needs an IndexedDB; unit tests get an in-memory one.
import 'fake-indexeddb/auto';

// Components resolve their strings through browser.i18n (issue 16), which the fake browser leaves
// unimplemented: unit tests read the English files the build joins.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadMessages, messageGetter } from './support/i18n-messages';

fakeBrowser.i18n.getMessage = messageGetter(await loadMessages('en'));
