/** How llm-bench reads and writes JSON: one shared Jackson configuration, below every other package. */
package org.llmbench.json;
