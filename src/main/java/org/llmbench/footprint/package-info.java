/**
 * What a model costs to run on this machine: the memory it takes (at load and at its peak) and the energy the machine
 * used while it answered, each figure with its source, and why a source gave nothing. One low-priority sampler per
 * run ({@link org.llmbench.footprint.RunFootprint}); the engine turns each model's window into a {@code footprint}
 * event of the record. Knows nothing of JUnit, the engine or the reports.
 */
package org.llmbench.footprint;
