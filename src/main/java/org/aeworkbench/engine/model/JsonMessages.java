package org.aeworkbench.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aeworkbench.engine.core.JsonText;

/**
 * The JSON parser's messages, said as what to change in the file. Jackson writes for programmers
 * ("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
 * "from Array value (token `JsonToken.START_ARRAY`)"); someone editing a spec cannot enable a
 * parser feature, but can write a number instead of NaN. Each rule below recognises one message;
 * whatever no rule knows is stripped of Java names and parser options.
 */
public final class JsonMessages {

    /** One recognised message and its translation. */
    private record Rule(Pattern pattern, Function<Matcher, String> say) {
        static Rule of(String regex, Function<Matcher, String> say) {
            return new Rule(Pattern.compile(regex, Pattern.DOTALL), say);
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.of("Non-standard token '([-+]?(?:NaN|Infinity|INF))'.*", m -> m.group(1) + " is not a number JSON allows:"
                    + " write a finite number (such as 0.001), or leave the field out to take its default"),
            Rule.of(".*'ALLOW_COMMENTS'.*", m -> "JSON has no comments: remove the // or /* */ comment"),
            Rule.of("Unexpected character \\('''.*", m -> "use double quotes (\"), not single quotes"),
            Rule.of("Unexpected character \\('([}\\]])' \\(code \\d+\\)\\): (?:was expecting double-quote to start field"
                    + " name|expected a valid value).*", m -> "a comma before " + m.group(1) + " has nothing after it:"
                    + " remove the comma"),
            Rule.of("Unexpected character \\('(.)' \\(code \\d+\\)\\): was expecting double-quote to start field name.*",
                    m -> "field names need double quotes: write \"name\": value, not " + m.group(1) + "..."),
            Rule.of(".*Leading zeroes not allowed.*", m -> "a number cannot start with 0: write 7, not 07"),
            Rule.of(".*does not allow numbers to have plus signs.*", m -> "a number cannot start with +: remove the +"),
            Rule.of("Unexpected character \\('\\.' \\(code 46\\)\\).*", m -> "a number cannot start with a decimal"
                    + " point: write 0.5, not .5"),
            Rule.of(".*Decimal point not followed by a digit.*", m -> "a decimal point needs a digit after it: write"
                    + " 5 or 5.0, not 5."),
            Rule.of("Unexpected end-of-input.*", m -> "the file ends before the JSON does: a closing } or ] (or \") is"
                    + " missing"),
            Rule.of("Unrecognized token '(.*?)': was expecting.*", m -> "'" + m.group(1) + "' is not a JSON value: write"
                    + " a number, \"text\" in double quotes, true, false or null (in lower case)"),
            Rule.of("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", m -> "a control character (code "
                    + m.group(1) + ", such as a line break) inside \"text\": close the quote, or write it as \\n"),
            Rule.of("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*", m -> "nested more than "
                    + m.group(2) + " levels deep; a spec needs a few levels: is this the right file?"),
            Rule.of("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*", m -> "a number of "
                    + m.group(1) + " digits; write a number of at most " + m.group(2) + " digits"),
            Rule.of("String value length \\((\\d+)\\) exceeds the maximum.*", m -> "a text of " + m.group(1)
                    + " characters; is this the right file?"),
            Rule.of("Name length \\((\\d+)\\) exceeds the maximum.*", m -> "a field name of " + m.group(1)
                    + " characters; is this the right file?"),
            Rule.of("Duplicate field '(.*?)'.*", m -> "the field \"" + m.group(1) + "\" is given twice: keep one"),
            Rule.of("Trailing token \\(of type (\\w+)\\) found after value.*", m -> "something follows the end of the"
                    + " JSON object: remove what comes after its last }"),
            Rule.of("Numeric value \\((.*?)\\) out of range of (int|long) \\((-?\\d+) - (\\d+)\\).*", m -> m.group(1)
                    + " is out of range: write a whole number between " + m.group(3) + " and " + m.group(4)),
            Rule.of("Cannot deserialize value of type `([^`]*)` from (\\w+) value.*", m -> "expected " + kind(m.group(1))
                    + ", not " + token(m.group(2))),
            Rule.of("Cannot deserialize value of type `([^`]*)` from String (\".*?\").*", m -> "expected "
                    + kind(m.group(1)) + ", not " + m.group(2)),
            Rule.of("Cannot coerce .*? value \\((.*?)\\) to `([^`]*)`.*", m -> "expected " + kind(m.group(2)) + ", not "
                    + m.group(1)),
            Rule.of("Input mismatch reading Enum `?[\\w.$]+`?: .*expects String Value, got (\\w+) value.*", m -> "expected a"
                    + " name in double quotes (\"text\"), not " + token(m.group(1))),
            Rule.of("Could not resolve subtype of .*missing type id property '(\\w+)'.*", m -> "the \"" + m.group(1)
                    + "\" field is missing: say which kind this is, e.g. \"" + m.group(1) + "\": \"dense\""),
            Rule.of("Unexpected token \\((\\w+)\\), expected \\w+: need .*type id.*", m -> "expected a layer, an"
                    + " object such as {\"type\": \"dense\", \"units\": 32}, not " + tokenName(m.group(1))),
            Rule.of("Unexpected token \\((\\w+)\\), expected (\\w+).*", m -> "expected " + tokenName(m.group(2))
                    + ", not " + tokenName(m.group(1))),
            Rule.of("No content to map due to end-of-input.*", m -> "the file is empty; a model spec is a JSON object"),
            Rule.of("Unexpected character \\('(.*?)' \\(code (\\d+).*", m -> "unexpected character '" + m.group(1)
                    + "' (code " + m.group(2) + "): check the JSON just before it"));

    private JsonMessages() {
    }

    /**
     * Jackson's message, as what to change in the file. Give the original message (without the
     * location Jackson appends on a line of its own): its line breaks can only be the user's, in
     * a quoted field name or value, and are shown as {@code \n} rather than cutting the message.
     */
    public static String plain(String jackson) {
        if (jackson == null || jackson.isBlank()) {
            return "unreadable value";
        }
        String line = JsonText.oneLine(jackson);
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(line);
            if (m.matches()) {
                return r.say().apply(m);
            }
        }
        return stripped(line);
    }

    /**
     * A message no rule knows, without Java class names, token names and parser options. Only the
     * forms the parser writes them in are removed: the same words in the user's own text stay.
     */
    static String stripped(String line) {
        return line.replaceAll("\\s*\\(token `JsonToken\\.\\w+`\\)", "")
                .replaceAll("\\s*\\(`?JsonToken\\.[A-Z_]+`?\\)", "")
                .replaceAll(":? ?enable `[^`]*` to allow", "")
                .replaceAll("\\s*\\(?from `StreamReadConstraints[^`]*`\\)?", "")
                .replaceAll("\\[Source: [^\\]]*\\]", "")
                .replaceAll("`(?:[a-z]+\\.)+(?:[A-Z]\\w*\\$)?([A-Z]\\w*)(?:<[^`]*>)?`", "$1")
                .replaceAll("`([^`]*)`", "$1")
                .replaceAll("\\b(?:java|org|com)\\.(?:\\w+\\.)+(\\w+)", "$1").trim();
    }

    /** A Java type in JSON's words. */
    static String kind(String javaType) {
        String t = javaType.replaceAll("<.*", "").replaceAll(".*[.$]", "").toLowerCase(Locale.ROOT);
        return switch (t) {
            case "int", "integer", "long", "short" -> "a whole number";
            case "double", "float", "number" -> "a number";
            case "boolean" -> "true or false";
            case "string" -> "\"text\" in double quotes";
            case "arraylist", "list", "collection" -> "a list in [ ]";
            default -> t.endsWith("[]") ? "a list in [ ]" : "an object in { }";
        };
    }

    /** A token as Jackson's parser names it ("START_ARRAY"), in JSON's words. */
    private static String tokenName(String jackson) {
        return switch (jackson) {
            case "START_ARRAY" -> "a list [ ]";
            case "END_ARRAY" -> "the end of a list ]";
            case "START_OBJECT" -> "an object { }";
            case "END_OBJECT" -> "the end of an object }";
            case "FIELD_NAME" -> "a field name";
            case "VALUE_STRING" -> "text";
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "true or false";
            case "VALUE_NULL" -> "null";
            default -> "something else";
        };
    }

    /** A JSON token kind as Jackson names it ("Array", "Boolean"), in JSON's words. */
    private static String token(String jackson) {
        return switch (jackson) {
            case "Array" -> "a list [ ]";
            case "Object" -> "an object { }";
            case "Boolean" -> "true or false";
            case "Integer", "Floating-point" -> "a number";
            case "Null" -> "null";
            default -> "text";
        };
    }
}
