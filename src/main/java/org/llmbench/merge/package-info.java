/**
 * {@code report merge}: the run folders of the shards of one run ({@code bench.shard=i/n}) joined into one run
 * folder, as if the run had run on one machine. Reads and writes the run record through {@code record}'s types.
 */
package org.llmbench.merge;
