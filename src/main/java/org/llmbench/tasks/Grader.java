package org.llmbench.tasks;

import java.util.List;
import org.llmbench.scoring.Check;

/** Grades one answer of one task into weighted checks; never throws on any answer. */
@FunctionalInterface
public interface Grader {

    List<Check> grade(Answer answer);
}
