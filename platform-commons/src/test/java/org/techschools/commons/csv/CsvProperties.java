package org.techschools.commons.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one CSV implementation of the platform, fed random values and random text. */
class CsvProperties {

    /** What the platform writes, it reads back: the same values, a formula defused with a leading apostrophe. */
    @Property
    void readsBackWhatItWrites(@ForAll("rows") List<List<String>> rows) {
        StringBuilder text = new StringBuilder(Csv.BOM);
        rows.forEach(row -> text.append(Csv.line(row)));
        List<List<String>> read = Csv.rows(text.toString());
        assertEquals(rows.stream().map(row -> row.stream().map(CsvProperties::defused).toList()).toList(), read);
    }

    /** A line that starts with a byte-order mark is read as a file's first line, its mark dropped: no cell starts so. */
    @Property
    void oneLineIsReadBackAsItsCells(@ForAll("row") List<String> row) {
        Assume.that(!row.get(0).startsWith(Csv.BOM));
        String line = Csv.line(row);
        assertEquals(row.stream().map(CsvProperties::defused).toList(), Csv.cells(line.substring(0, line.length() - 2)));
    }

    /** Any text is read, or refused as not CSV with IllegalArgumentException — the one exception importers answer 400 for. */
    @Property(tries = 2000)
    void anyTextIsReadOrRefusedAsNotCsv(@ForAll("csvLike") String text) {
        try {
            List<List<String>> rows = Csv.rows(text);
            rows.forEach(row -> assertTrue(!row.isEmpty()));
        } catch (IllegalArgumentException notCsv) {
            // refused, as documented
        }
        try {
            assertTrue(!Csv.cells(text).isEmpty());
        } catch (IllegalArgumentException notCsv) {
            // refused, as documented
        }
    }

    @Provide
    Arbitrary<List<String>> row() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20), Arbitraries.strings().withChars(",\"\r\n =+-@'a1张").ofMaxLength(8))
                .list().ofMinSize(2).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        return row().list().ofMaxSize(8);
    }

    /** Text made mostly of what CSV is made of: quotes, separators, line breaks, a byte-order mark. */
    @Provide
    Arbitrary<String> csvLike() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars(",\"\r\n\uFEFFab张 ").ofMaxLength(30), Arbitraries.strings().ofMaxLength(30));
    }

    /** As {@link Csv#line} writes a value: text starting with = + - @ (not a number) gets a leading apostrophe. */
    private static String defused(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?") ? "'" + value : value;
    }
}
