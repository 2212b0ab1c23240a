/**
 * The readers of untrusted text, for worker-lab.html (test page): browser tests time and check
 * them in the page itself.
 */
export { decodeSharedState } from '../../state/urlCodec';
export { readEmbedQuery, resolveEmbedOptions } from '../../embed/options';
