package org.llmbench.tasks;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code etl}: CSV-like sales rows with odd formats (case, spaces, {@code $} prices), exact duplicates and missing
 * values, to be cleaned and aggregated. Every aggregate is an exact-match field; money is computed in cents.
 */
final class EtlTasks implements TaskGenerator {

    private static final int COUNT = 2;
    private static final List<String> REGIONS = List.of("North", "South", "East", "West");
    private static final List<String> PRODUCTS = List.of("anvil", "bolt", "cable", "drill", "easel", "funnel", "gauge");
    static final List<String> KEYS = List.of("rows_used", "duplicates_removed", "rows_skipped", "total_revenue",
            "revenue_by_region", "top_product");

    private record Row(String orderId, String region, String product, int qty, long priceCents) {
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ETL;
    }

    @Override
    public List<Task> generate(long seed, int max) {
        return Tasks.numbered(kind(), COUNT, seed, max, (id, r, n) -> task(id, r));
    }

    private Task task(String id, TaskRandom r) {
        List<Row> valid = new ArrayList<>();
        int n = r.between(10, 14);
        int firstOrder = r.between(1000, 8000);
        int orderNo = firstOrder;
        for (int i = 0; i < n; i++) {
            orderNo += r.between(1, 3);
            valid.add(new Row("A" + orderNo, r.pick(REGIONS), r.pick(PRODUCTS),
                    r.between(1, 9), r.between(99, 4999)));
        }
        List<String> lines = new ArrayList<>();
        for (Row row : valid) {
            lines.add(format(row, r));
        }
        int duplicates = r.between(2, 3);
        for (int d = 0; d < duplicates; d++) {
            int at = r.between(1, lines.size());
            Row original = valid.get(r.between(0, valid.size() - 1));
            int originalLine = lines.indexOf(lines.stream().filter(l -> l.startsWith(original.orderId() + ",")).findFirst().orElseThrow());
            lines.add(Math.max(at, originalLine + 1), format(original, r));
        }
        int skipped = r.between(2, 3);
        for (int s = 0; s < skipped; s++) {
            String missing = r.pick(List.of("", "NA", "-"));
            String orderId = "B" + (firstOrder + s);
            String line = r.chance(50)
                    ? orderId + "," + r.pick(REGIONS) + "," + r.pick(PRODUCTS) + "," + missing + "," + TaskJson.money(r.between(99, 4999))
                    : orderId + "," + r.pick(REGIONS) + "," + r.pick(PRODUCTS) + "," + r.between(1, 9) + "," + missing;
            lines.add(r.between(0, lines.size()), line);
        }
        Map<String, Long> byRegion = new TreeMap<>();
        Map<String, Long> byProduct = new TreeMap<>();
        long total = 0;
        for (Row row : valid) {
            long revenue = row.qty() * row.priceCents();
            byRegion.merge(row.region(), revenue, Long::sum);
            byProduct.merge(row.product(), revenue, Long::sum);
            total += revenue;
        }
        String top = byProduct.entrySet().stream()
                .max(java.util.Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .orElseThrow().getKey();
        ObjectNode json = TaskJson.object();
        json.put("rows_used", valid.size()).put("duplicates_removed", duplicates).put("rows_skipped", skipped)
                .put("total_revenue", TaskJson.money(total));
        ObjectNode regions = json.putObject("revenue_by_region");
        byRegion.forEach((region, cents) -> regions.put(region, TaskJson.money(cents)));
        json.put("top_product", top);
        List<FieldSpec> fields = new ArrayList<>(List.of(
                new FieldSpec("rows_used", IntNode.valueOf(valid.size()), FieldSpec.Type.INTEGER, null, 2),
                new FieldSpec("duplicates_removed", IntNode.valueOf(duplicates), FieldSpec.Type.INTEGER, null, 2),
                new FieldSpec("rows_skipped", IntNode.valueOf(skipped), FieldSpec.Type.INTEGER, null, 2),
                new FieldSpec("total_revenue", DecimalNode.valueOf(TaskJson.money(total)), FieldSpec.Type.NUMBER, null, 2)));
        byRegion.forEach((region, cents) -> fields.add(new FieldSpec("revenue_by_region." + region,
                DecimalNode.valueOf(TaskJson.money(cents)), FieldSpec.Type.NUMBER, null, 2)));
        fields.add(new FieldSpec("top_product", TextNode.valueOf(top), FieldSpec.Type.STRING, null, 2));
        Grader grader = answer -> FieldChecks.gradeWithExactKeys(answer.json(), fields, KEYS);
        String body = "Clean and aggregate these sales rows.\n\n```csv\norder_id,region,product,qty,unit_price\n"
                + String.join("\n", lines) + "\n```\n\nRules: trim spaces; region names are case-insensitive and are reported "
                + "capitalised (North, South, East, West); a price may start with \"$\"; a row whose order_id appeared in an "
                + "earlier row is a duplicate and is dropped; a row with an empty, NA or - qty or unit_price is skipped. "
                + "Revenue is qty * unit_price. Report: rows_used (integer), duplicates_removed (integer), rows_skipped "
                + "(integer), total_revenue (number, 2 decimals), revenue_by_region (object of region to number, only regions "
                + "with rows), top_product (the product with the highest revenue; ties go to the alphabetically first).";
        return new Task(id, kind(), body, "Put the report object in artifacts.json; \"final\" is \"done\".",
                "Answer with the report as one JSON object.", new Reference("done", null, json, TaskJson.write(json)),
                grader, EtlTasks.class, false);
    }

    /** One row in one of the odd formats the prompt's rules cover. */
    private static String format(Row row, TaskRandom r) {
        String region = switch (r.between(0, 3)) {
            case 0 -> row.region().toUpperCase(Locale.ROOT);
            case 1 -> " " + row.region().toLowerCase(Locale.ROOT) + " ";
            default -> row.region();
        };
        String price = (r.chance(30) ? "$" : "") + TaskJson.money(row.priceCents());
        String qty = r.chance(20) ? " " + row.qty() + " " : Integer.toString(row.qty());
        return row.orderId() + "," + region + "," + row.product() + "," + qty + "," + price;
    }
}
