package org.llmbench.tasks;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code json_extraction}: a messy support log (timestamps, bullets, a decoy ticket and a decoy amount) to be
 * turned into a JSON object with exact keys; credit per field: presence, type and pattern 1 each, the exact value 3.
 */
final class JsonExtractionTasks implements TaskGenerator {

    private static final int COUNT = 3;
    private static final List<String> FIRST = List.of("Ada", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Goran",
            "Hana", "Ivo", "Jun", "Kemal", "Lucia", "Mirek", "Nadia", "Oskar", "Priya");
    private static final List<String> LAST = List.of("Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Silva",
            "Kowalski", "Haddad", "Berg", "Costa", "Ivanova", "Mensah");
    private static final List<String> DOMAINS = List.of("example.com", "example.org", "mail.example.net");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final List<String> PRIORITIES = List.of("low", "medium", "high");
    static final List<String> KEYS = List.of("ticket_id", "customer", "email", "amount", "quantity", "priority",
            "refund_requested", "date");

    @Override
    public TaskKind kind() {
        return TaskKind.JSON_EXTRACTION;
    }

    @Override
    public List<Task> generate(long seed, int max) {
        return Tasks.numbered(kind(), COUNT, seed, max, (id, r, n) -> task(id, r));
    }

    private Task task(String id, TaskRandom r) {
        String first = r.pick(FIRST);
        String last = r.pick(LAST);
        String ticket = "TCK-" + r.between(10000, 99999);
        String decoyTicket = "TCK-" + r.between(10000, 99999);
        String email = first.toLowerCase(java.util.Locale.ROOT) + "." + last.toLowerCase(java.util.Locale.ROOT) + "@" + r.pick(DOMAINS);
        long cents = r.between(500, 99999);
        long decoyCents = r.between(100, 999);
        int quantity = r.between(1, 12);
        String priority = r.pick(PRIORITIES);
        boolean refund = r.chance(50);
        int year = r.between(2021, 2025);
        int month = r.between(1, 12);
        int day = r.between(1, 28);
        String iso = year + "-" + Tasks.pad2(month) + "-" + Tasks.pad2(day);
        String messyDate = switch (r.between(0, 2)) {
            case 0 -> day + " " + MONTHS.get(month - 1) + " " + year;
            case 1 -> year + "/" + Tasks.pad2(month) + "/" + Tasks.pad2(day);
            default -> MONTHS.get(month - 1) + " " + day + ", " + year;
        };
        List<String> facts = new ArrayList<>(List.of(
                "- cust: " + first + " " + last + "  <" + email.toUpperCase(java.util.Locale.ROOT) + ">",
                "* order total charged: " + TaskJson.money(cents) + " EUR (shipping of " + TaskJson.money(decoyCents)
                        + " EUR was refunded separately and is NOT part of the amount)",
                "- qty:   " + quantity + " unit(s)",
                "* severity flag = " + priority.toUpperCase(java.util.Locale.ROOT),
                "- customer " + (refund ? "explicitly asks for a refund" : "does not want a refund, only a replacement"),
                "* purchase made on " + messyDate));
        List<String> lines = new ArrayList<>();
        String opened = (month == 12 ? year + 1 : year) + "-" + Tasks.pad2(month % 12 + 1) + "-" + Tasks.pad2(day);
        lines.add("[" + opened + "T0" + r.between(0, 9) + ":" + Tasks.pad2(r.between(0, 59)) + "Z] INFO  support-bot: ticket "
                + ticket + " opened");
        lines.add("[auto] WARN  duplicate-detector: possibly related to " + decoyTicket + " (closed, different customer; ignore)");
        lines.addAll(r.shuffled(facts));
        lines.add("[auto] DEBUG heartbeat ok");
        String body = "Extract the facts of support ticket " + ticket + " from this messy log into a JSON object.\n\n"
                + String.join("\n", lines) + "\n\n"
                + "Use exactly these keys: ticket_id (string like TCK-12345), customer (\"First Last\"), email (lower case), "
                + "amount (number, the order total in EUR), quantity (integer), priority (\"low\", \"medium\" or \"high\"), "
                + "refund_requested (boolean), date (the purchase date as YYYY-MM-DD).";
        ObjectNode json = TaskJson.object();
        json.put("ticket_id", ticket).put("customer", first + " " + last).put("email", email)
                .put("amount", TaskJson.money(cents)).put("quantity", quantity).put("priority", priority)
                .put("refund_requested", refund).put("date", iso);
        List<FieldSpec> fields = List.of(
                new FieldSpec("ticket_id", TextNode.valueOf(ticket), FieldSpec.Type.STRING, "TCK-\\d{5}", 3),
                new FieldSpec("customer", TextNode.valueOf(first + " " + last), FieldSpec.Type.STRING, "[A-Z][a-z]+ [A-Z][a-z]+", 3),
                new FieldSpec("email", TextNode.valueOf(email), FieldSpec.Type.STRING, "[a-z.]+@[a-z.]+", 3),
                new FieldSpec("amount", DecimalNode.valueOf(TaskJson.money(cents)), FieldSpec.Type.NUMBER, "\\d+(\\.\\d{1,2})?", 3),
                new FieldSpec("quantity", IntNode.valueOf(quantity), FieldSpec.Type.INTEGER, "\\d+", 3),
                new FieldSpec("priority", TextNode.valueOf(priority), FieldSpec.Type.STRING, "low|medium|high", 3),
                new FieldSpec("refund_requested", BooleanNode.valueOf(refund), FieldSpec.Type.BOOLEAN, "true|false", 3),
                new FieldSpec("date", TextNode.valueOf(iso), FieldSpec.Type.STRING, "\\d{4}-\\d{2}-\\d{2}", 3));
        Grader grader = answer -> FieldChecks.gradeWithExactKeys(answer.json(), fields, KEYS);
        String jsonText = TaskJson.write(json);
        return new Task(id, kind(), body, "Put the JSON object in artifacts.json; \"final\" is \"" + ticket + "\".",
                "Answer with the JSON object only.", new Reference(ticket, null, json, jsonText), grader,
                JsonExtractionTasks.class, false);
    }
}
