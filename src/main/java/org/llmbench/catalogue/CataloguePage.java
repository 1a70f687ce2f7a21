package org.llmbench.catalogue;

import gg.jte.Content;
import java.util.List;

/**
 * One page of the catalogue as its template reads it: the runs it covers travel as data, and the page's script
 * builds the leaderboard, the runs table or the comparison from them under the filters the reader sets.
 *
 * @param kind "board" (a leaderboard with its runs) or "compare"
 * @param scope what the page covers ("every run", "device class: CPU", ...)
 * @param verifiedBasis what "verified" means on this site (what the checker checked)
 * @param dataJson the rows, already safe inside a script element
 * @param chartJs the charting library's code, inlined
 */
public record CataloguePage(String title, String kind, String scope, String generatedAt, List<Link> nav, int runs,
                            String verifiedBasis, String dataJson, String script, String style, Content chartJs) {

    /** A link of the navigation: every page of the site, with how many runs it covers. */
    public record Link(String href, String label, boolean current, int runs) {
    }
}
