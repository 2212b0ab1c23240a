/**
 * When two maxima of the rule's objective count as a near tie: the fit can then jump between them
 * under a small change of the data, which no derivative describes (diagnostics.ts). A module of
 * its own so the page can use the threshold without bundling the diagnostics.
 */

/** Objective gap (nats) below which two maxima count as a near tie. */
export const NEAR_TIE_GAP = 1;
