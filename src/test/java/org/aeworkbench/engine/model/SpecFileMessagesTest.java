package org.aeworkbench.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.aeworkbench.engine.core.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spec file that cannot be read says what to change in it, in the words of someone editing
 * JSON, never the parser's (issue 21: "Input length = 1" for a file that is not UTF-8, and
 * "enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`" for NaN).
 */
class SpecFileMessagesTest {

    /** What a user cannot act on: Java names, parser options and token names. */
    static final Pattern INTERNALS = Pattern.compile("`|JsonReadFeature|JsonToken|StreamReadConstraints|Feature|"
            + "java\\.|org\\.aeworkbench|com\\.fasterxml|START_|END_|VALUE_|Input length|deserializ|subtype");

    @TempDir
    Path dir;

    static void assertInUsersTerms(String message) {
        assertFalse(INTERNALS.matcher(message).find(), "parser internals in: " + message);
    }

    @Test
    void aSpecThatIsNotUtf8NamesTheFileTheByteAndItsOffset() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\n  \"name\": \"caf\u00e9\"\n}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.read(file));
        assertEquals(file + ": the byte 0xe9 at offset 16 (line 2) is not UTF-8 text (an accented letter saved as"
                + " Latin-1 or Windows-1252?); save the file as UTF-8", e.getMessage());
    }

    @Test
    void aUtf16SpecIsNamedAsSuch() throws IOException {
        Path file = dir.resolve("utf16.json");
        Files.write(file, "{\"name\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": the text is UTF-16"), e.getMessage());
    }

    @Test
    void aByteOrderMarkIsNotAnError() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.write(file, ("\uFEFF" + ModelSpecJson.toJson(Presets.get("linear-pca", org.aeworkbench.engine.tensor.Shape
                .vector(4)))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("linear-pca", ModelSpecJson.read(file).name());
    }

    @Test
    void aModelFileNamedAsASpecIsSaidToBeOne() throws IOException {
        Path file = dir.resolve("model.json");
        org.aeworkbench.engine.io.ModelFile.save(file, org.aeworkbench.engine.model.ModelBuilder.build(
                Presets.get("linear-pca", org.aeworkbench.engine.tensor.Shape.vector(4)),
                org.aeworkbench.engine.tensor.Shape.vector(4)), null);
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.read(file));
        assertEquals(file + ": is gzip-compressed, not a JSON spec; if it is a trained model (what train --out writes),"
                + " name it .aem", e.getMessage());
    }

    @Test
    void anUnknownFieldIsNamedWhateverItsNameHolds() {
        // Found by ModelSpecBuildFuzzTest (specBuild/field-name-holding-problem-colon.json): the message
        // was cut after the "problem: " in the field's name and showed the rest of the parser's text,
        // "(class org.aeworkbench.engine.model.DenseSpec), not marked as ignorable".
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse("{\"name\": \"x\", \"encoder\":"
                + " [{\"type\": \"dense\", \"uproblem: nits\": 3}]}", "spec.json"));
        assertTrue(e.getMessage().startsWith("spec.json, line 1, column ") && e.getMessage().contains(
                "field encoder[0].uproblem: nits: unknown field \"uproblem: nits\"; the fields here are "),
                e.getMessage());
        assertTrue(e.getMessage().contains("units") && !e.getMessage().contains("class ")
                && !e.getMessage().contains("ignorable"), e.getMessage());
    }

    @Test
    void aFieldNameHoldingALineBreakAndParserWordsIsQuotedWholeOnOneLine() {
        // Found by ModelSpecBuildFuzzTest (specBuild/field-name-holding-JsonToken.json): the message
        // was cut at the line break in the field's name, and "JsonToken" was removed from the rest,
        // so it named a field the file does not have.
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(
                "{\"name\": \"x\", \"aJsonToken\\nb\": 1}", "spec.json"));
        assertTrue(e.getMessage().startsWith("spec.json, line 1, column 33, field aJsonToken\\nb: unknown field"
                + " \"aJsonToken\\nb\"; the fields here are "), e.getMessage());
        assertTrue(e.getMessage().contains("name, description, encoder, decoder") && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    /** The user's text in each kind of refusal, and how the message must show it. */
    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{\"name\": \"x\", \"encoder\": [{\"type\": \"dense\", \"JsonToken\\nunits\": 3}]}"
                + "|unknown field \"JsonToken\\nunits\"; the fields here are ",
        "{\"name\": \"x\", \"optimizer\": {\"JsonToken\\r\\nbeta\": 3}}"
                + "|unknown field \"JsonToken\\r\\nbeta\"; the fields here are kind, learningRate",
        "{\"name\": \"x\", \"training\": {\"epochs\": \"JsonToken\\nten\"}}"
                + "|expected a whole number, not \"JsonToken\\nten\"",
        "{\"name\": \"x\", \"encoder\": [{\"type\": \"dense\", \"a\\nb\": 2, \"a\\nb\": 3}]}"
                + "|the field \"a\\nb\" is given twice",
    })
    void theUsersTextIsShownWholeOnOneLine(String json, String expected) {
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(json, "spec.json"));
        assertTrue(e.getMessage().contains(expected) && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void nanSaysToWriteANumberNotToEnableAParserFeature() {
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(
                "{\"name\": \"x\", \"optimizer\": {\"kind\": \"adam\", \"learningRate\": NaN}}", "spec.json"));
        assertEquals("spec.json, line 1, column 64: not valid JSON: NaN is not a number JSON allows: write a finite"
                + " number (such as 0.001), or leave the field out to take its default", e.getMessage());
    }

    /** Each mistake, and a word its message must contain. */
    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{\"name\": \"x\", \"training\": {\"epochs\": Infinity}}|not a number JSON allows",
        "{\"name\": \"x\", \"training\": {\"epochs\": -Infinity}}|not a number JSON allows",
        "~{\"name\": \"x\" // a comment\n}~|no comments",
        "{'name': 'x'}|double quotes",
        "{\"name\": \"x\",}|remove the comma",
        "{\"name\": \"x\", \"encoder\": [{\"type\": \"dense\", \"units\": 2},]}|remove the comma",
        "{\"name\": \"x\", \"training\": {\"epochs\": 07}}|cannot start with 0",
        "{\"name\": \"x\", \"training\": {\"epochs\": +7}}|cannot start with +",
        "{\"name\": \"x\", \"optimizer\": {\"learningRate\": .5}}|write 0.5",
        "{\"name\": \"x\", \"optimizer\": {\"learningRate\": 5.}}|digit after it",
        "{\"name\": \"x\"|a closing",
        "{\"name\": \"x\", \"tiedWeights\": True}|in lower case",
        "~{\"name\": \"x\nmore\"}~|close the quote",
        "{\"name\": \"x\", \"training\": {\"epochs\": \"ten\"}}|expected a whole number, not \"ten\"",
        "{\"name\": \"x\", \"training\": {\"epochs\": 99999999999}}|out of range",
        "[1, 2]|expected an object",
        "{\"name\": \"x\", \"encoder\": {}}|expected a list",
        "{\"name\": \"x\", \"encoder\": [{\"units\": 2}]}|the \"type\" field is missing",
        "{\"name\": \"x\", \"encoder\": [[[]]]}|expected a layer",
        "{\"name\": [1]}|expected \"text\"",
        "{\"name\": \"x\", \"loss\": {\"name\": \"mse\"}}|expected a name in double quotes (\"text\"), not an object",
        "{\"name\": \"x\", \"loss\": [\"mse\"]}|not a list",
        "{\"name\": \"x\", \"optimizer\": {\"beta1\": true}}|expected a number",
        "{\"name\": \"x\", \"encoder\": [{\"type\": \"dense\", \"units\": 2, \"units\": 3}]}|given twice",
        "{\"name\": \"x\"} and more|not a JSON value",
        "{\"name\": \"x\"} {}|follows the end",
        "~   ~|empty",
    })
    void eachMistakeIsSaidInTheUsersTerms(String json, String expected) {
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(json, "spec.json"));
        assertTrue(e.getMessage().startsWith("spec.json"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertInUsersTerms(e.getMessage());
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsSaidAsSuch() {
        // A spec refuses a list where it expects a layer before it goes deep; a model file's header,
        // read as a tree, goes as deep as the parser lets it.
        String json = "[".repeat(2000) + "]".repeat(2000);
        var e = assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> ModelSpecJson.mapper().readTree(json));
        String plain = JsonMessages.plain(e.getOriginalMessage());
        assertEquals("nested more than 1000 levels deep; a spec needs a few levels: is this the right file?", plain);
    }

    @Test
    void aNumberOfThousandsOfDigitsIsSaidAsSuch() {
        String json = "{\"name\": \"x\", \"training\": {\"epochs\": " + "9".repeat(2000) + "}}";
        SpecException e = assertThrows(SpecException.class, () -> ModelSpecJson.parse(json, "long.json"));
        assertTrue(e.getMessage().contains("a number of 2000 digits"), e.getMessage());
        assertInUsersTerms(e.getMessage());
    }
}
