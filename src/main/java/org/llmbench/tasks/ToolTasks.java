package org.llmbench.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tools} phase's tasks, in the Berkeley Function Calling Leaderboard's categories, from a fixed catalogue
 * of functions whose parameters cover every JSON Schema type the tool APIs allow (integer, number, string, enum,
 * boolean, array, nested object; required and optional). The values asked for are drawn from each task's own random
 * stream, so a seed gives byte-identical requests on every machine.
 */
public final class ToolTasks {

    private static final List<String> CITIES = List.of("Lisbon", "Oslo", "Nairobi", "Montreal", "Osaka", "Valparaiso",
            "Krakow", "Auckland", "Reykjavik", "Marrakesh");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CHF");
    private static final List<String> RESTAURANTS = List.of("Blue Fig", "Casa Verde", "The Copper Pot", "Mizu",
            "Le Petit Four", "Saffron House");
    private static final List<String> ROOMS = List.of("living_room", "bedroom", "kitchen", "office");
    private static final List<String> PEOPLE = List.of("Amara", "Bjorn", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana");
    private static final List<String> BUILDINGS = List.of("North Tower", "Harbor Hall", "Elm Annex", "Quarry House");
    private static final List<String> TOPICS = List.of("budget review", "launch retro", "hiring sync", "roadmap planning");

    static final ToolFunction WEATHER = new ToolFunction("get_weather", "Current weather and forecast for a city.", List.of(
            ToolParam.of("city", ToolParam.Type.STRING, "city name, e.g. Paris"),
            ToolParam.oneOf("unit", "temperature unit", List.of("celsius", "fahrenheit")).optional(TextNode.valueOf("celsius")),
            ToolParam.of("days", ToolParam.Type.INTEGER, "days of forecast, 1-7").optional(IntNode.valueOf(1))));
    static final ToolFunction CURRENCY = new ToolFunction("convert_currency", "Converts an amount between currencies.", List.of(
            ToolParam.of("amount", ToolParam.Type.NUMBER, "the amount to convert"),
            ToolParam.oneOf("from_currency", "ISO code of the amount's currency", CURRENCIES),
            ToolParam.oneOf("to_currency", "ISO code of the currency wanted", CURRENCIES)));
    static final ToolFunction TABLE = new ToolFunction("book_table", "Books a restaurant table.", List.of(
            ToolParam.of("restaurant", ToolParam.Type.STRING, "restaurant name"),
            ToolParam.of("party_size", ToolParam.Type.INTEGER, "number of guests"),
            ToolParam.of("time", ToolParam.Type.STRING, "24-hour time HH:MM"),
            ToolParam.of("outdoor", ToolParam.Type.BOOLEAN, "a table outside").optional(BooleanNode.FALSE)));
    static final ToolFunction EVENT = new ToolFunction("create_event", "Creates a calendar event.", List.of(
            ToolParam.of("title", ToolParam.Type.STRING, "event title"),
            ToolParam.arrayOf("attendees", "first names of the people invited", ToolParam.of("attendee", ToolParam.Type.STRING, null)),
            ToolParam.objectOf("location", "where it takes place", List.of(
                    ToolParam.of("building", ToolParam.Type.STRING, "building name"),
                    ToolParam.of("room", ToolParam.Type.INTEGER, "room number"))),
            ToolParam.of("all_day", ToolParam.Type.BOOLEAN, "lasts the whole day").optional(BooleanNode.FALSE)));
    static final ToolFunction THERMOSTAT = new ToolFunction("set_thermostat", "Sets a room's target temperature.", List.of(
            ToolParam.oneOf("room", "which room", ROOMS),
            ToolParam.of("temperature", ToolParam.Type.NUMBER, "target in degrees Celsius"),
            ToolParam.of("eco", ToolParam.Type.BOOLEAN, "energy-saving mode").optional(BooleanNode.FALSE)));
    static final ToolFunction ORDER = new ToolFunction("lookup_order", "Looks up an order's status and tracking code.", List.of(
            ToolParam.of("order_id", ToolParam.Type.STRING, "order id, e.g. ORD-1234")));
    static final ToolFunction SHIPPING = new ToolFunction("shipping_cost", "Price of shipping a parcel, in euros.", List.of(
            ToolParam.of("weight_kg", ToolParam.Type.NUMBER, "parcel weight in kilograms"),
            ToolParam.of("zone", ToolParam.Type.INTEGER, "destination zone, 1-8"),
            ToolParam.of("express", ToolParam.Type.BOOLEAN, "express delivery").optional(BooleanNode.FALSE)));

    /** A task maker: id, its random stream. */
    private interface Maker {
        ToolTask make(String id, TaskRandom r);
    }

    private record Kind(ToolCategory category, List<Maker> makers) {
    }

    private final List<Kind> kinds = List.of(
            new Kind(ToolCategory.SIMPLE, List.of(this::simpleWeather, this::simpleTable, this::simpleEvent)),
            new Kind(ToolCategory.MULTIPLE, List.of(this::multipleCurrency, this::multipleThermostat)),
            new Kind(ToolCategory.PARALLEL, List.of(this::parallelWeather, this::parallelCurrency)),
            new Kind(ToolCategory.PARALLEL_MULTIPLE, List.of(this::parallelMultiple)),
            new Kind(ToolCategory.IRRELEVANCE, List.of(this::irrelevantPoem, this::irrelevantTranslation)),
            new Kind(ToolCategory.RESULT, List.of(this::resultOrder, this::resultShipping)));

    /** The tasks of a seed, category by category; {@code maxPerCategory} caps each (0 = all). */
    public List<ToolTask> generate(long seed, int maxPerCategory) {
        List<ToolTask> tasks = new ArrayList<>();
        for (Kind kind : kinds) {
            for (int n = 1; n <= Tasks.count(kind.makers().size(), maxPerCategory); n++) {
                String id = ToolTask.KIND + "-" + kind.category().wireName() + "-" + Tasks.pad2(n);
                tasks.add(kind.makers().get(n - 1).make(id, TaskRandom.forTask(seed, id)));
            }
        }
        return tasks;
    }

    private ToolTask simpleWeather(String id, TaskRandom r) {
        String city = r.pick(CITIES);
        int days = r.between(2, 7);
        return call(id, ToolCategory.SIMPLE, "What will the weather be like in " + city + " over the next " + days
                + " days? Give me the temperatures in Fahrenheit.", List.of(WEATHER),
                expect(WEATHER, "city", text(city), "unit", List.of(TextNode.valueOf("fahrenheit")), "days", List.of(IntNode.valueOf(days))));
    }

    private ToolTask simpleTable(String id, TaskRandom r) {
        String place = r.pick(RESTAURANTS);
        int guests = r.between(2, 9);
        String time = Tasks.pad2(r.between(18, 21)) + ":" + r.pick(List.of("00", "15", "30", "45"));
        return call(id, ToolCategory.SIMPLE, "Please book a table for " + guests + " people at " + place + " at " + time
                + ", outside on the terrace if possible.", List.of(TABLE),
                expect(TABLE, "restaurant", text(place), "party_size", List.of(IntNode.valueOf(guests)), "time", text(time),
                        "outdoor", List.of(BooleanNode.TRUE)));
    }

    private ToolTask simpleEvent(String id, TaskRandom r) {
        String title = r.pick(TOPICS);
        List<String> who = r.sample(PEOPLE, r.between(2, 4));
        String building = r.pick(BUILDINGS);
        int room = r.between(101, 499);
        var attendees = TaskJson.array();
        who.forEach(attendees::add);
        var location = TaskJson.object().put("building", building).put("room", room);
        return call(id, ToolCategory.SIMPLE, "Create a calendar event titled \"" + title + "\" with " + String.join(", ", who)
                + " in room " + room + " of the " + building + ".", List.of(EVENT),
                expect(EVENT, "title", text(title), "attendees", List.of(attendees), "location", List.of(location),
                        "all_day", List.of(ToolTask.ABSENT, BooleanNode.FALSE)));
    }

    private ToolTask multipleCurrency(String id, TaskRandom r) {
        List<String> pair = r.sample(CURRENCIES, 2);
        BigDecimal amount = TaskJson.money(r.between(1_000, 500_000));
        return call(id, ToolCategory.MULTIPLE, "How much is " + amount.toPlainString() + " " + pair.get(0) + " in "
                + pair.get(1) + "?", r.shuffled(List.of(WEATHER, CURRENCY, TABLE, THERMOSTAT)),
                expect(CURRENCY, "amount", List.of(DecimalNode.valueOf(amount)), "from_currency", List.of(TextNode.valueOf(pair.get(0))),
                        "to_currency", List.of(TextNode.valueOf(pair.get(1)))));
    }

    private ToolTask multipleThermostat(String id, TaskRandom r) {
        String room = r.pick(ROOMS);
        BigDecimal degrees = BigDecimal.valueOf(r.between(170, 245), 1);
        return call(id, ToolCategory.MULTIPLE, "Set the " + room.replace('_', ' ') + " to " + degrees.toPlainString()
                + " degrees Celsius and switch on the energy-saving mode.", r.shuffled(List.of(WEATHER, THERMOSTAT, EVENT)),
                expect(THERMOSTAT, "room", List.of(TextNode.valueOf(room)), "temperature", List.of(DecimalNode.valueOf(degrees)),
                        "eco", List.of(BooleanNode.TRUE)));
    }

    private ToolTask parallelWeather(String id, TaskRandom r) {
        List<String> cities = r.sample(CITIES, 3);
        List<ToolTask.ExpectedCall> calls = new ArrayList<>();
        for (String city : cities) {
            calls.add(expect(WEATHER, "city", text(city), "unit", List.of(ToolTask.ABSENT, TextNode.valueOf("celsius")),
                    "days", List.of(ToolTask.ABSENT, IntNode.valueOf(1))));
        }
        return new ToolTask(id, ToolCategory.PARALLEL, "What is the weather today in " + cities.get(0) + ", " + cities.get(1)
                + " and " + cities.get(2) + "? Check all three at once.", List.of(WEATHER), calls, null, null, null);
    }

    private ToolTask parallelCurrency(String id, TaskRandom r) {
        BigDecimal a = TaskJson.money(r.between(500, 90_000));
        BigDecimal b = TaskJson.money(r.between(500, 90_000));
        List<String> from = r.sample(CURRENCIES, 2);
        String to = CURRENCIES.stream().filter(c -> !from.contains(c)).toList().get(r.between(0, 2));
        return new ToolTask(id, ToolCategory.PARALLEL, "Convert " + a.toPlainString() + " " + from.get(0) + " and "
                + b.toPlainString() + " " + from.get(1) + " into " + to + ", in parallel.", List.of(CURRENCY),
                List.of(expect(CURRENCY, "amount", List.of(DecimalNode.valueOf(a)), "from_currency", List.of(TextNode.valueOf(from.get(0))),
                                "to_currency", List.of(TextNode.valueOf(to))),
                        expect(CURRENCY, "amount", List.of(DecimalNode.valueOf(b)), "from_currency", List.of(TextNode.valueOf(from.get(1))),
                                "to_currency", List.of(TextNode.valueOf(to)))), null, null, null);
    }

    private ToolTask parallelMultiple(String id, TaskRandom r) {
        String city = r.pick(CITIES);
        String room = r.pick(ROOMS);
        int degrees = r.between(18, 24);
        String place = r.pick(RESTAURANTS);
        int guests = r.between(2, 6);
        return new ToolTask(id, ToolCategory.PARALLEL_MULTIPLE, "Three things at once: check today's weather in " + city
                + ", set the " + room.replace('_', ' ') + " thermostat to " + degrees + " degrees Celsius, and book a table for "
                + guests + " at " + place + " at 19:30.", r.shuffled(List.of(WEATHER, THERMOSTAT, TABLE, CURRENCY)),
                List.of(expect(WEATHER, "city", text(city), "unit", List.of(ToolTask.ABSENT, TextNode.valueOf("celsius")),
                                "days", List.of(ToolTask.ABSENT, IntNode.valueOf(1))),
                        expect(THERMOSTAT, "room", List.of(TextNode.valueOf(room)), "temperature", List.of(IntNode.valueOf(degrees)),
                                "eco", List.of(ToolTask.ABSENT, BooleanNode.FALSE)),
                        expect(TABLE, "restaurant", text(place), "party_size", List.of(IntNode.valueOf(guests)),
                                "time", text("19:30"), "outdoor", List.of(ToolTask.ABSENT, BooleanNode.FALSE))), null, null, null);
    }

    private ToolTask irrelevantPoem(String id, TaskRandom r) {
        String city = r.pick(CITIES);
        return new ToolTask(id, ToolCategory.IRRELEVANCE, "Write a four-line poem about the harbour of " + city + ".",
                List.of(WEATHER, CURRENCY), List.of(), null, null,
                "Harbour lights on quiet water, ropes that creak and gulls that call; boats asleep in " + city
                        + "'s arms, and the tide keeps time for all.");
    }

    private ToolTask irrelevantTranslation(String id, TaskRandom r) {
        String word = r.pick(List.of("good morning", "thank you", "see you tomorrow", "where is the station"));
        return new ToolTask(id, ToolCategory.IRRELEVANCE, "How do you say \"" + word + "\" in Portuguese?",
                r.shuffled(List.of(TABLE, THERMOSTAT, SHIPPING)), List.of(), null, null,
                "None of the available functions translates text; I can answer that directly.");
    }

    private ToolTask resultOrder(String id, TaskRandom r) {
        String order = "ORD-" + r.between(10_000, 99_999);
        String tracking = "TRK" + r.between(100_000, 999_999) + (char) ('A' + r.between(0, 25));
        String result = TaskJson.write(TaskJson.object().put("order_id", order).put("status", "shipped")
                .put("carrier", "PostNord").put("tracking_code", tracking));
        return new ToolTask(id, ToolCategory.RESULT, "Where is my order " + order + "? Tell me its tracking code.",
                List.of(ORDER, WEATHER), List.of(expect(ORDER, "order_id", text(order))), result, tracking,
                "Your order " + order + " has shipped with PostNord; its tracking code is " + tracking + ".");
    }

    private ToolTask resultShipping(String id, TaskRandom r) {
        BigDecimal kg = BigDecimal.valueOf(r.between(5, 250), 1);
        int zone = r.between(1, 8);
        BigDecimal cost = TaskJson.money(r.between(450, 9_900));
        String result = TaskJson.write(TaskJson.object().put("currency", "EUR").put("cost", cost));
        return new ToolTask(id, ToolCategory.RESULT, "How much does it cost to ship a " + kg.toPlainString()
                + " kg parcel to zone " + zone + " with standard delivery?", List.of(SHIPPING, CURRENCY),
                List.of(expect(SHIPPING, "weight_kg", List.of(DecimalNode.valueOf(kg)), "zone", List.of(IntNode.valueOf(zone)),
                        "express", List.of(ToolTask.ABSENT, BooleanNode.FALSE))), result, cost.toPlainString(),
                "Shipping it costs " + cost.toPlainString() + " EUR.");
    }

    private static ToolTask call(String id, ToolCategory category, String request, List<ToolFunction> functions,
                                 ToolTask.ExpectedCall expected) {
        return new ToolTask(id, category, request, functions, List.of(expected), null, null, null);
    }

    /** A string's allowed values: itself (strings are compared by the rules of {@link ToolScorer}). */
    private static List<JsonNode> text(String value) {
        return List.of(TextNode.valueOf(value));
    }

    /** An expected call from name/allowed-values pairs; a parameter of the function not named may be left out or default. */
    private static ToolTask.ExpectedCall expect(ToolFunction function, Object... pairs) {
        Map<String, List<JsonNode>> allowed = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<JsonNode> values = (List<JsonNode>) pairs[i + 1];
            allowed.put((String) pairs[i], values);
        }
        for (ToolParam p : function.params()) {
            if (!allowed.containsKey(p.name())) {
                if (p.required()) {
                    throw new IllegalStateException(function.name() + "." + p.name() + " is required but not expected");
                }
                allowed.put(p.name(), List.of(ToolTask.ABSENT, p.defaultValue()));
            }
        }
        return new ToolTask.ExpectedCall(function.name(), allowed);
    }
}
