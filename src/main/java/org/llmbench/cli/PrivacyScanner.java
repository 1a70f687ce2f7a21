package org.llmbench.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what must not leave a contributor's machine in a line of text: private IPv4 addresses, host names,
 * home-directory paths, e-mail addresses and things that look like keys or tokens.
 *
 * <p>Benchmark text is not private: a match that the same rules also find in a prompt the harness sent (the
 * caller passes them as {@code benchmarkText}) is skipped, as are documentation domains (example.com, .test, ...)
 * and the run's own hashes (a {@code sha256:} config hash, a git sha).
 */
final class PrivacyScanner {

    /** One kind of private data and how to recognise it. */
    private record Rule(String kind, Pattern pattern, String advice) {
    }

    /*
     * Every pattern runs in time linear in the line and in constant stack: a pattern whose first repetition could
     * start anywhere inside a run of its own characters (an address's local part, a host name's label) starts only
     * where such a run starts (the lookbehinds), so a 100 KiB line of letters is scanned once, not once per position;
     * no two adjacent repetitions share characters; and no group is repeated (java.util.regex recurses once per
     * repetition of a group, so "x@a.a.a..." of 100 KiB overflowed the stack).
     */
    private static final List<Rule> RULES = List.of(
            new Rule("private-address", Pattern.compile("(?<![\\d.])(?:10\\.\\d{1,3}|172\\.(?:1[6-9]|2\\d|3[01])|192\\.168)"
                    + "\\.\\d{1,3}\\.\\d{1,3}(?![\\d]|\\.\\d)"), "replace with 127.0.0.1 or <private-address>"),
            new Rule("host-name", Pattern.compile("(?i)(?<![a-z0-9_-])[a-z0-9][a-z0-9-]*\\.(?:local|lan|internal|intranet|corp"
                    + "|localdomain|home\\.arpa)\\b(?![\\w(.-])"), "replace with <host>"),
            new Rule("home-path", Pattern.compile("(?:/home/|/Users/|(?i:[a-z]):(?:\\\\){1,2}Users(?:\\\\){1,2})[A-Za-z0-9._-]+"),
                    "use a path relative to the repository, or ~"),
            new Rule("email", Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\\.[A-Za-z]{2,}"),
                    "remove the address"),
            new Rule("token", Pattern.compile("(?<![A-Za-z0-9])(?:sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}"
                    + "|github_pat_[A-Za-z0-9_]{20,}|hf_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|AIza[0-9A-Za-z_-]{35}|-----BEGIN [A-Z ]*PRIVATE KEY-----)"), "revoke the key, then remove it"),
            new Rule("token", Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}"), "revoke the token, then remove it"),
            new Rule("secret", Pattern.compile("(?<![A-Za-z0-9])[0-9a-fA-F]{32,}(?![A-Za-z0-9])"), "a long hex string: remove it if it is a secret"),
            new Rule("secret", Pattern.compile("(?<![A-Za-z0-9+_=-])(?=[A-Za-z0-9+_=-]*[g-zG-Z+_=])[A-Za-z0-9+_=-]{40,}(?![A-Za-z0-9+_=-])"),
                    "a long random-looking string: remove it if it is a secret"));

    /** The domain of an address (after its @) reserved for documentation and tests. */
    private static final Pattern DOCUMENTATION_DOMAIN = Pattern.compile(
            "(?i)(?:.*\\.)?example\\.(?:com|org|net)|.*\\.(?:example|test|invalid|localhost)|localhost");

    /**
     * What each rule (and the own-host pattern) finds in the benchmark's prompts, found once: a match is looked up
     * here, never searched for in the prompts again, so a file of many matches scans in linear time.
     */
    private final Set<String> benchmarkMatches = new HashSet<>();
    private final String ownHostName;
    private final Pattern ownHostPattern;

    /**
     * @param benchmarkText every prompt the run sent, joined; matches found in it are not findings
     * @param ownHostName this machine's host name, searched for too (null to skip)
     */
    PrivacyScanner(String benchmarkText, String ownHostName) {
        this.ownHostName = ownHostName != null && ownHostName.length() >= 4
                && !ownHostName.equalsIgnoreCase("localhost") ? ownHostName : null;
        this.ownHostPattern = this.ownHostName == null ? null
                : Pattern.compile("(?i)(?<![A-Za-z0-9-])" + Pattern.quote(this.ownHostName) + "(?![A-Za-z0-9-])");
        if (benchmarkText != null) {
            benchmark(benchmarkText);
        }
    }

    /** Adds text the benchmark itself sent (a prompt): what the rules find in it is no finding anywhere. */
    void benchmark(String text) {
        text.lines().map(PrivacyScanner::withoutEscapes).forEach(line -> {
            RULES.forEach(rule -> rule.pattern().matcher(line).results().forEach(m -> benchmarkMatches.add(m.group())));
            if (ownHostPattern != null) {
                ownHostPattern.matcher(line).results().forEach(m -> benchmarkMatches.add(m.group()));
            }
        });
    }

    private static String withoutEscapes(String rawLine) {
        return JSON_ESCAPE.matcher(rawLine).replaceAll("  ");
    }

    private static final Pattern JSON_ESCAPE = Pattern.compile("(?<!\\\\)\\\\[nrtbf\"/]");

    /** The findings in one line of a file. */
    List<Finding> scan(String file, int lineNumber, String rawLine) {
        // JSON escapes glue words together ("\\n@pytest.mark" would read as an address): blank them first.
        String line = withoutEscapes(rawLine);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(line);
            while (m.find()) {
                String match = m.group();
                if (!exempt(rule.kind(), match, line, m.start())) {
                    findings.add(new Finding(file, lineNumber, rule.kind(), "'" + abbreviateSecrets(match) + "': " + rule.advice()));
                }
            }
        }
        if (ownHostName != null) {
            Matcher m = ownHostPattern.matcher(line);
            if (m.find() && !benchmarkMatches.contains(m.group())) {
                findings.add(new Finding(file, lineNumber, "host-name", "'" + m.group() + "' is this machine's host name: remove it"));
            }
        }
        return findings;
    }

    private boolean exempt(String kind, String match, String line, int start) {
        if (benchmarkMatches.contains(match)) {
            return true;
        }
        return switch (kind) {
            case "email" -> DOCUMENTATION_DOMAIN.matcher(match.substring(match.indexOf('@') + 1)).matches()
                    || match.startsWith("git@");
            case "secret" -> start >= 7 && line.startsWith("sha256:", start - 7)
                    || line.contains("\"git_sha\"") && match.length() == 40
                    || !looksRandom(match);
            default -> false;
        };
    }

    /** Mixed letters and digits with high entropy: identifiers and words are not secrets. */
    private static boolean looksRandom(String s) {
        boolean hex = s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        boolean upper = s.chars().anyMatch(Character::isUpperCase);
        boolean lower = s.chars().anyMatch(Character::isLowerCase);
        boolean digit = s.chars().anyMatch(Character::isDigit);
        return hex ? digit && entropy(s) >= 3.0 : upper && lower && digit && entropy(s) >= 4.0;
    }

    private static double entropy(String s) {
        int[] counts = new int[128];
        s.chars().filter(c -> c < 128).forEach(c -> counts[c]++);
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /**
     * The text with every key- or token-shaped part (what the token rules match, and random-looking strings the
     * secret rules match) cut to its first four characters, whatever rule found the text: a {@code ghp_} token
     * inside what the e-mail rule matched is abbreviated too. A finding never repeats a whole secret in a log.
     */
    static String abbreviateSecrets(String text) {
        String out = text;
        for (Rule rule : RULES) {
            if (!rule.kind().equals("token") && !rule.kind().equals("secret")) {
                continue;
            }
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String match = m.group();
                boolean secret = rule.kind().equals("token") || looksRandom(match);
                m.appendReplacement(sb, Matcher.quoteReplacement(secret && match.length() > 8
                        ? match.substring(0, 4) + "\u2026 (" + match.length() + " chars)" : match));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
