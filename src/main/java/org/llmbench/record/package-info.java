/**
 * The run record: what one run did, as typed events, and the one place that knows how they are written to and read
 * from {@code run.jsonl}. At the bottom of the house: it knows nothing of JUnit, HTTP, the engine or the reports.
 */
package org.llmbench.record;
