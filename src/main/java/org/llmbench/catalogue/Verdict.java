package org.llmbench.catalogue;

/**
 * Whether a run's submission checks out, as the caller's checker says (the catalogue does not check by itself).
 *
 * @param verified true when the checker found nothing
 * @param basis what was checked, or the first finding when something was found
 */
public record Verdict(boolean verified, String basis) {
}
