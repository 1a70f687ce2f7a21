/**
 * {@code report catalogue}: a static site over every submitted run folder (leaderboard per model, a page per device
 * class and per quantization, a compare page), each run linked to its own report.html. Reads run folders through
 * {@code record} and their figures through {@code report}; is told by its caller whether a run is verified.
 */
package org.llmbench.catalogue;
